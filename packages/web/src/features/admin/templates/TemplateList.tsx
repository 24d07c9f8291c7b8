import { Badge, Table, Text } from '@mantine/core';
import type { TemplateSummary } from '@pi-studio/core/contract/templates';

export const subsidiaryLabel = (s: TemplateSummary['subsidiary']) => (s === null ? 'All' : s.code);

type Props = { templates: TemplateSummary[]; selectedId: string | null; onSelect: (id: string) => void };

export function TemplateList({ templates, selectedId, onSelect }: Props) {
  return (
    <Table highlightOnHover data-testid="templates-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th miw={120}>Kind</Table.Th>
          <Table.Th>Name</Table.Th>
          <Table.Th>Scope</Table.Th>
          <Table.Th>Version</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {templates.map((t) => (
          <Table.Tr
            key={t.id}
            onClick={() => onSelect(t.id)}
            bg={t.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ cursor: 'pointer' }}
            aria-selected={t.id === selectedId}
            data-testid={`template-row-${t.kind}`}
          >
            <Table.Td>
              <Badge variant="light">{t.kind}</Badge>
            </Table.Td>
            <Table.Td>{t.name}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {subsidiaryLabel(t.subsidiary)}
              </Text>
            </Table.Td>
            <Table.Td>{t.currentVersion ? `v${t.currentVersion.version}` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
