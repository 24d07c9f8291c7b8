import { Text, type TextProps } from '@mantine/core';
import { sanitizeSnippet } from '../../lib/markdown.ts';

/** The server marks hits with <mark> and escapes everything else; we still allow nothing but <mark>. */
export function Snippet({ html, ...rest }: { html: string } & TextProps) {
  return (
    <Text
      size="sm"
      c="dimmed"
      lineClamp={2}
      data-testid="search-snippet"
      {...rest}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised to <mark> only
      dangerouslySetInnerHTML={{ __html: sanitizeSnippet(html) }}
    />
  );
}
