// /gate: PRDs waiting for a ProductOps review, oldest first, in the subsidiary chosen in the header.
import { Badge, Stack, Table, Text } from '@mantine/core';
import { personName } from '../../../lib/people.ts';
import { AnchorLink } from '../../../ui/Links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { useCurrentSubsidiary } from '../../workspace/use-current-subsidiary.ts';
import { subsidiaryOf } from '../access.ts';
import type { QueueItem } from '../api.ts';
import { ageColor, ageLabel, VERDICT_COLOR } from '../format.ts';
import { useQueue } from '../queries.ts';
import { GateNav } from '../ui/GateNav.tsx';
import { VerdictBadge } from '../ui/VerdictBadge.tsx';

export function QueuePage() {
  const [subsidiary] = useCurrentSubsidiary();
  const queue = useQueue(subsidiary);
  const items = [...(queue.data ?? [])].sort((a, b) => b.ageHours - a.ageHours);
  return (
    <Stack gap="md" data-testid="gate-queue-page">
      <GateNav
        current="/gate"
        description={`PRDs waiting for review${subsidiary ? ` in ${subsidiary}` : ' in all your subsidiaries'}, oldest first.`}
      />
      {queue.isPending ? (
        <LoadingState label="Loading the queue…" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing waiting">Submitted PRDs appear here until ProductOps records a decision.</EmptyState>
      ) : (
        <QueueTable items={items} />
      )}
    </Stack>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="gate-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th>Document</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Submitted by</Table.Th>
            <Table.Th>Waiting</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
            <Table.Th>Engine verdict</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((q) => (
            <Table.Tr key={q.reviewId} data-testid="gate-queue-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {q.product.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {q.product.code} · {subsidiaryOf(q.product)}
                </Text>
              </Table.Td>
              <Table.Td>
                <AnchorLink
                  to="/gate/reviews/$id"
                  params={{ id: q.reviewId }}
                  size="sm"
                  data-testid="queue-review-link"
                >
                  {q.document.code}
                </AnchorLink>
                <Text size="xs" c="dimmed" truncate maw={260}>
                  {q.document.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">v{q.version}</Text>
                {q.attempt > 1 ? (
                  <Text size="xs" c="dimmed">
                    attempt {q.attempt}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{personName(q.submittedBy, '—')}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={ageColor(q.ageHours)} variant="light" data-testid="queue-age">
                  {ageLabel(q.ageHours)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={700} c={VERDICT_COLOR[q.verdict]}>
                  {q.score}
                </Text>
              </Table.Td>
              <Table.Td>
                <VerdictBadge verdict={q.verdict} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
