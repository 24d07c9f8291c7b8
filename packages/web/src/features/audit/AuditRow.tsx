import { Badge, Code, Group, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { actionLabel } from '../../lib/labels.ts';
import type { AuditEvent } from './api.ts';

const COLUMNS = 6;

const subsidiaryCode = (s: AuditEvent['subsidiary']) => s ?? '—';

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          nothing recorded
        </Text>
      ) : (
        <Code block>{JSON.stringify(value, null, 2)}</Code>
      )}
    </Stack>
  );
}

type Props = { event: AuditEvent; expanded: boolean; onToggle: () => void };

export function AuditRow({ event, expanded, onToggle }: Props) {
  return (
    <>
      <Table.Tr onClick={onToggle} style={{ cursor: 'pointer' }} data-testid="audit-row">
        <Table.Td>
          <UnstyledButton aria-expanded={expanded} aria-label={expanded ? 'Hide details' : 'Show details'}>
            {expanded ? '▾' : '▸'}
          </UnstyledButton>
        </Table.Td>
        <Table.Td>
          <Text size="sm" title={event.at}>
            {formatDateTime(event.at)}
          </Text>
        </Table.Td>
        <Table.Td>{event.actor?.label ?? <Text c="dimmed">system</Text>}</Table.Td>
        <Table.Td>
          <Text size="sm" title={event.action} data-testid="audit-action" data-action={event.action}>
            {actionLabel(event.action)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" tt="none">
              {event.targetType}
            </Badge>
            <Text size="sm">{event.targetLabel || event.targetId}</Text>
          </Group>
        </Table.Td>
        <Table.Td>{subsidiaryCode(event.subsidiary)}</Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr data-testid="audit-row-details">
          <Table.Td colSpan={COLUMNS}>
            <Stack gap="xs" py="xs">
              <Group gap="lg">
                <Text size="xs">
                  Request id <Code data-testid="audit-request-id">{event.requestId}</Code>
                </Text>
                <Text size="xs">
                  Action <Code>{event.action}</Code>
                </Text>
                <Text size="xs">
                  Target id <Code>{event.targetId}</Code>
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Snapshot label="Before" value={event.before} />
                <Snapshot label="After" value={event.after} />
              </SimpleGrid>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
