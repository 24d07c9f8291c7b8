import { Table, Text } from '@mantine/core';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Front matter of a version (parsed by the server on save or import), as a compact key/value table. */
export function MetadataTable({ metadata }: { metadata: Record<string, unknown> | null | undefined }) {
  const entries = Object.entries(metadata ?? {});
  if (entries.length === 0) return null;
  return (
    <Table fz="xs" verticalSpacing={4} data-testid="metadata-table">
      <Table.Tbody>
        {entries.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w="35%" fw={500} c="dimmed">
              {k}
            </Table.Th>
            <Table.Td>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {show(v)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
