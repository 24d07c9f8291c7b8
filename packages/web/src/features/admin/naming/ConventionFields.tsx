import { Code, Table, Text } from '@mantine/core';

/** "documentIdPattern" → "Document id pattern": the keys are whatever the server's convention holds. */
const humanise = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function FieldValue({ value }: { value: unknown }) {
  if (typeof value === 'string') return <Code>{value}</Code>;
  if (typeof value === 'number' || typeof value === 'boolean') return <Text size="sm">{String(value)}</Text>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return <Code>{value.join(', ')}</Code>;
  return <Code block>{JSON.stringify(value, null, 2)}</Code>;
}

export function ConventionFields({ convention }: { convention: Record<string, unknown> }) {
  const entries = Object.entries(convention);
  if (entries.length === 0) return <Text c="dimmed">The convention is empty.</Text>;
  return (
    <Table data-testid="naming-fields">
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td w={240}>
              <Text size="sm" fw={500}>
                {humanise(key)}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {key}
              </Text>
            </Table.Td>
            <Table.Td>
              <FieldValue value={value} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
