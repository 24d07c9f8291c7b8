// The changes tab: every change request with its impact and decision. Anyone who may write the backlog raises one;
// the product's PO/VB (an administrator when the product has none) decides — the server checks it again.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { plural } from '../format.ts';
import type { ChangeRequest } from './api.ts';
import { useChangeRequests } from './queries.ts';

const STATUS_LABEL: Record<ChangeRequest['status'], string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  rejected: 'Rejected',
};
const STATUS_COLOR: Record<ChangeRequest['status'], string> = { pending: 'yellow', approved: 'green', rejected: 'red' };

type Props = {
  code: string;
  canWrite: boolean;
  canDecide: boolean;
  onRaise: () => void;
  onDecide: (change: ChangeRequest) => void;
};

export function ChangeRequestsPanel({ code, canWrite, canDecide, onRaise, onDecide }: Props) {
  const changes = useChangeRequests(code);
  return (
    <Stack gap="md" data-testid="changes-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Scope changes after the PRD passed the gate only through a decision by the product owner. An approved change
          with a PRD text becomes the PRD's next minor version.
        </Text>
        {canWrite ? (
          <Button onClick={onRaise} data-testid="raise-change">
            Raise a change request
          </Button>
        ) : null}
      </Group>
      <QueryState
        query={changes}
        testId="changes"
        isEmpty={(list) => list.length === 0}
        emptyTitle="No change requests"
        emptyDescription="Raise one when the scope has to change: from here, or from a drift item in the traceability tab."
      >
        {(list) => (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...list].reverse().map((cr) => (
              <ChangeCard key={cr.id} change={cr} canDecide={canDecide} onDecide={() => onDecide(cr)} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function ChangeCard({
  change: cr,
  canDecide,
  onDecide,
}: {
  change: ChangeRequest;
  canDecide: boolean;
  onDecide: () => void;
}) {
  const impact = [
    cr.impact.requirementIds.length ? `Requirements ${cr.impact.requirementIds.join(', ')}` : '',
    cr.impact.storyKeys.length ? `Stories ${cr.impact.storyKeys.join(', ')}` : '',
    cr.impact.dates ? `Dates: ${cr.impact.dates}` : '',
  ].filter(Boolean);
  return (
    <Card component="li" withBorder radius="md" data-testid="change-request" data-key={cr.key} data-status={cr.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text ff="monospace" size="xs" c="dimmed">
              {cr.key}
            </Text>
            <Badge color={STATUS_COLOR[cr.status]} variant="light" tt="none" data-testid="change-status">
              {STATUS_LABEL[cr.status]}
            </Badge>
            {cr.hasPrdChange ? (
              <Badge color="indigo" variant="outline" tt="none">
                Carries a PRD text
              </Badge>
            ) : null}
          </Group>
          {cr.status === 'pending' && canDecide ? (
            <Button size="xs" variant="light" onClick={onDecide} data-testid="decide-change">
              Decide
            </Button>
          ) : null}
        </Group>
        <Text fw={600} size="sm">
          {cr.title}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {cr.whatChanges}
        </Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          Why: {cr.why}
        </Text>
        {impact.length ? <Text size="xs">{impact.join(' · ')}</Text> : null}
        <Text size="xs" c="dimmed">
          Raised by {cr.requestedBy?.name ?? 'a removed account'} on {formatDateTime(cr.createdAt)}
          {cr.impact.requirementIds.length + cr.impact.storyKeys.length > 0
            ? ` · touches ${plural(cr.impact.requirementIds.length + cr.impact.storyKeys.length, 'item')}`
            : ''}
        </Text>
        {cr.status !== 'pending' ? (
          <Text size="xs" data-testid="change-decision">
            {STATUS_LABEL[cr.status]} by {cr.decidedBy?.name ?? 'a removed account'} on {formatDateTime(cr.decidedAt)}:{' '}
            {cr.rationale}
            {cr.prdVersion ? ` · PRD version ${cr.prdVersion.version} saved` : ''}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
