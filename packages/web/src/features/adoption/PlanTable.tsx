// The current plan's events, read-only: name, what it means, who answers for it, Live/Deprecated and its properties.
// A table on wide screens; one card per event on a phone, where five columns would not fit.
import { Badge, Box, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { TrackingPlanEvent } from './api.ts';
import { STATUS_LABEL, TYPE_LABEL } from './plan-form.ts';

export function PlanTable({ events }: { events: readonly TrackingPlanEvent[] }) {
  return (
    <>
      <Box visibleFrom="sm">
        <EventsTable events={events} />
      </Box>
      <Stack hiddenFrom="sm" gap="sm" data-testid="plan-cards">
        {events.map((e) => (
          <Card key={e.name} withBorder radius="md" padding="sm" data-testid="plan-event-card">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Code>{e.name}</Code>
                <StatusBadge status={e.status} />
              </Group>
              <Text size="sm">{e.description}</Text>
              <Text size="xs" c="dimmed">
                Owner: {e.owner}
              </Text>
              <Properties event={e} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}

const StatusBadge = ({ status }: { status: TrackingPlanEvent['status'] }) => (
  <Badge variant="light" color={status === 'live' ? 'green' : 'gray'}>
    {STATUS_LABEL[status]}
  </Badge>
);

function Properties({ event }: { event: TrackingPlanEvent }) {
  if (!event.properties.length)
    return (
      <Text size="sm" c="dimmed">
        No properties
      </Text>
    );
  return (
    <Stack gap={4}>
      {event.properties.map((p) => (
        <Group key={p.name} gap={6} wrap="nowrap" align="baseline">
          <Code>{p.name}</Code>
          <Text size="xs" c="dimmed">
            {TYPE_LABEL[p.type]}
            {p.description ? ` · ${p.description}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function EventsTable({ events }: { events: readonly TrackingPlanEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={720} data-testid="plan-table">
      <Table verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Properties</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.name} data-testid="plan-event">
              <Table.Td>
                <Code>{e.name}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.description}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.owner}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={e.status} />
              </Table.Td>
              <Table.Td>
                <Properties event={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
