import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { StaleDocument } from '@pi-studio/core/contract/documents';
import { formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { AnchorLink } from '../../ui/Links.tsx';

/** The 409 stale_version problem's `current` (the contract's), or nothing when the problem carried none. */
export type ConflictInfo = Partial<StaleDocument>;

type Props = {
  documentId: string;
  conflict: ConflictInfo;
  reloading: boolean;
  onReload: () => void;
  onTakeTheirs: () => void;
};

/** Someone saved while this person was editing. Their text stays in the editor until they choose otherwise. */
export function ConflictAlert({ documentId, conflict, reloading, onReload, onTakeTheirs }: Props) {
  const who = personName(conflict.author, 'Someone');
  return (
    <Alert color="orange" title="Someone else saved a newer version" role="alert" data-testid="conflict-alert">
      <Stack gap="xs">
        <Text size="sm">
          {who} saved {conflict.version ? `v${conflict.version}` : 'a new version'}
          {conflict.createdAt ? ` at ${formatDateTime(conflict.createdAt)}` : ''} while you were editing. Nothing was
          lost: your text is still in the editor, unsaved.
        </Text>
        <Text size="sm">
          Reload the latest version to save your text on top of it, or replace your text with theirs.{' '}
          {conflict.version ? (
            <AnchorLink
              to="/documents/$id"
              params={{ id: documentId }}
              search={{ version: conflict.version }}
              target="_blank"
            >
              Open their version in a new tab
            </AnchorLink>
          ) : null}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={onReload} loading={reloading} data-testid="conflict-reload">
            Reload latest, keep my text
          </Button>
          <Button size="xs" variant="default" onClick={onTakeTheirs} disabled={reloading}>
            Replace my text with theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
