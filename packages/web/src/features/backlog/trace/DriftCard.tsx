// Drift on the product page: how far the build has moved from the PRD that passed the gate, the first few items and
// the way to the backlog's traceability tab, where each can be resolved.
import { Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../lib/errors.ts';
import { ButtonLink } from '../../../ui/Links.tsx';
import { plural } from '../format.ts';
import { DriftList } from './DriftList.tsx';
import { noDriftLabel } from './format.ts';
import { useDrift } from './queries.ts';

const SHOWN = 3;

export function DriftCard({ code }: { code: string }) {
  const drift = useDrift(code);
  const items = drift.data?.items ?? [];
  return (
    <Card withBorder radius="md" component="section" aria-label="Scope drift" data-testid="drift-card">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Title order={5}>Scope drift</Title>
          {items.length > 0 ? (
            <Badge color="red" variant="light" data-testid="drift-count">
              {items.length}
            </Badge>
          ) : null}
        </Group>
        <ButtonLink
          to="/products/$code/backlog"
          params={{ code }}
          search={{ tab: 'trace' }}
          size="compact-sm"
          variant="light"
          data-testid="open-trace"
        >
          Traceability
        </ButtonLink>
      </Group>
      {drift.isError ? (
        <Text size="sm" c="red">
          Drift could not be read: {errorMessage(drift.error)}
        </Text>
      ) : drift.isPending ? (
        <Skeleton h={40} aria-label="Loading drift" />
      ) : !drift.data.baseline || items.length === 0 ? (
        <Text size="sm" c={drift.data.baseline ? undefined : 'dimmed'} data-testid="drift-summary">
          {drift.data.baseline ? 'No drift: ' : 'No baseline yet. '}
          {noDriftLabel(drift.data)}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="drift-summary">
            {plural(items.length, 'item')} drifted from PRD version {drift.data.baseline?.version}, the version that
            passed the gate.
          </Text>
          <DriftList items={items.slice(0, SHOWN)} />
          {items.length > SHOWN ? (
            <Text size="xs" c="dimmed">
              and {plural(items.length - SHOWN, 'more item')} in the backlog's traceability tab.
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
