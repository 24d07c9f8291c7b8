// A gate finding's line number belongs to the reviewed version; the editor always opens the newest one.
import { Alert, Text } from '@mantine/core';
import { AnchorLink } from '../../ui/Links.tsx';

type Props = { documentId: string; line: number; from: string; editing: string };

export function LineFromOtherVersion({ documentId, line, from, editing }: Props) {
  if (from === editing) return null;
  return (
    <Alert color="blue" variant="light" data-testid="line-from-other-version">
      <Text size="sm">
        Line {line} is where the finding was in v{from}, the version that was reviewed. You are editing v{editing}, so
        the text may have moved.{' '}
        <AnchorLink to="/documents/$id/diff" params={{ id: documentId }} search={{ from, to: editing }} size="sm">
          Compare v{from} with v{editing}
        </AnchorLink>
      </Text>
    </Alert>
  );
}
