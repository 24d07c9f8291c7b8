import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { AuditTable } from './AuditTable.tsx';
import { type AuditFilterForm, EMPTY_FILTERS, toApiFilters } from './filters.ts';
import { useAuditEvents } from './queries.ts';

export default function AuditPage() {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTERS);
  // Typing in the text filters should not fire a request per keystroke.
  const [debounced] = useDebouncedValue(form, 300);
  const filters = useMemo(() => toApiFilters(debounced), [debounced]);
  const events = useAuditEvents(filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <AuditFilterBar value={form} onChange={setForm} />
      <QueryState
        query={{
          data: events.data?.pages.flatMap((p) => p.items),
          error: events.error,
          isPending: events.isPending,
          // A failed "Load more" keeps the rows already shown; the error then appears by the button.
          isError: events.isError && !events.data,
          refetch: events.refetch,
        }}
        isEmpty={(items) => items.length === 0}
        emptyTitle={filtered ? 'No event matches these filters' : 'No events recorded yet'}
        testId="audit"
      >
        {(items) => (
          <Stack>
            <AuditTable events={items} />
            {events.isFetchNextPageError && (
              <Text size="sm" c="red" ta="center" data-testid="audit-load-more-error">
                {errorMessage(events.error)}
              </Text>
            )}
            <Center>
              {events.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void events.fetchNextPage()}
                  loading={events.isFetchingNextPage}
                  data-testid="audit-load-more"
                >
                  Load more
                </Button>
              ) : (
                <Text size="sm" c="dimmed" data-testid="audit-end">
                  {items.length} event{items.length === 1 ? '' : 's'} — end of log
                </Text>
              )}
            </Center>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
