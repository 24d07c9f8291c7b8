import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from '../../lib/markdown.ts';

export function MarkdownView({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <Typography>
      <div
        className="markdown-body"
        data-testid="markdown-view"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown sanitises with DOMPurify
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Typography>
  );
}
