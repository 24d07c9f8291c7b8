// An item's history from the audit trail, newest first: each change (status, owner, evidence, required, files) with
// who made it and when, "before → after" in words. A drawer beside the checklist; full width on a phone.
import { Badge, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import type { ItemHistory } from './api.ts';
import { useItemHistory } from './queries.ts';

type Props = { code: string; itemId: string | null; onClose: () => void };

export function ItemHistoryDrawer({ code, itemId, onClose }: Props) {
  const history = useItemHistory(code, itemId);
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer
      opened={itemId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'md'}
      title={history.data ? `${history.data.itemId} · history` : `${itemId ?? ''} · history`}
      data-testid="item-history"
    >
      {history.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <HistoryList history={history.data} />
      )}
    </Drawer>
  );
}

const shown = (v: string | null) => (v === null || v === '' ? '—' : v);

function HistoryList({ history }: { history: ItemHistory }) {
  return (
    <Stack gap="sm">
      <Text size="sm">{history.label}</Text>
      {history.items.length === 0 ? (
        <EmptyState title="No changes yet">
          Changes to this item's status, owner, evidence and level appear here.
        </EmptyState>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.items.map((e, i) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the list is read whole
              key={`${e.at}-${i}`}
              title={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {e.actionLabel}
                  </Text>
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {e.by}
                  </Badge>
                </Group>
              }
              data-testid="history-entry"
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
              {e.changes.map((c) => (
                <Text key={c.field + (c.before ?? '') + (c.after ?? '')} size="xs" style={{ overflowWrap: 'anywhere' }}>
                  <Text span fw={600} size="xs">
                    {c.label}:
                  </Text>{' '}
                  {shown(c.before)} → {shown(c.after)}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
