// The naming convention's fields as inputs; each problem (found while typing or named by the server) under its field.
import { Button, CloseButton, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { reasonAt } from '../../../lib/field-errors.ts';
import type { CodeRow, ConventionDraft, TableField, TextField } from './convention-form.ts';

type Props = {
  value: ConventionDraft;
  onChange: (next: ConventionDraft) => void;
  problems: ReadonlyMap<string, string>;
  readOnly: boolean;
};

const TEXT_FIELDS: { field: TextField; label: string; description: string }[] = [
  { field: 'separator', label: 'Separator', description: 'One character between the parts of an id' },
  { field: 'subsidiaryPattern', label: 'Subsidiary code pattern', description: 'Regular expression, e.g. EMX' },
  { field: 'productKeyPattern', label: 'Product key pattern', description: 'Regular expression, e.g. PAYOUTS' },
];

const TABLES: { field: TableField; title: string; keyLabel: string; valueLabel: string }[] = [
  { field: 'documentCodes', title: 'Document codes', keyLabel: 'Document kind', valueLabel: 'Code in ids' },
  { field: 'artifactCodes', title: 'Artifact codes', keyLabel: 'Code in ids', valueLabel: 'What it names' },
];

export function ConventionForm({ value, onChange, problems, readOnly }: Props) {
  const setRows = (field: TableField, list: CodeRow[]) => onChange({ ...value, [field]: list });
  return (
    <Stack gap="md" data-testid="naming-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {TEXT_FIELDS.map(({ field, label, description }) => (
          <TextInput
            key={field}
            label={label}
            description={description}
            value={value[field]}
            onChange={(e) => onChange({ ...value, [field]: e.currentTarget.value })}
            error={problems.get(field)}
            readOnly={readOnly}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid={`naming-${field}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {TABLES.map((t) => (
          <CodeTable
            key={t.field}
            {...t}
            rows={value[t.field]}
            onChange={(list) => setRows(t.field, list)}
            problems={problems}
            readOnly={readOnly}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CodeTable({
  field,
  title,
  keyLabel,
  valueLabel,
  rows,
  onChange,
  problems,
  readOnly,
}: (typeof TABLES)[number] & {
  rows: CodeRow[];
  onChange: (list: CodeRow[]) => void;
  problems: ReadonlyMap<string, string>;
  readOnly: boolean;
}) {
  const update = (i: number, patch: Partial<CodeRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const tableProblem = problems.get(field);
  return (
    <Stack gap={4} data-testid={`naming-${field}`}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        {readOnly ? null : (
          <Button size="compact-xs" variant="default" onClick={() => onChange([...rows, { key: '', value: '' }])}>
            Add
          </Button>
        )}
      </Group>
      {tableProblem ? (
        <Text size="xs" c="red">
          {tableProblem}
        </Text>
      ) : null}
      <Table verticalSpacing={2} withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz="xs">{keyLabel}</Table.Th>
            <Table.Th fz="xs">{valueLabel}</Table.Th>
            <Table.Th w={28} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const problem = reasonAt(problems, `${field}.${r.key.trim()}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; keys are being typed
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={keyLabel}
                    value={r.key}
                    onChange={(e) => update(i, { key: e.currentTarget.value })}
                    readOnly={readOnly}
                    data-testid={`naming-${field}-key-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={valueLabel}
                    value={r.value}
                    onChange={(e) => update(i, { value: e.currentTarget.value })}
                    error={problem}
                    readOnly={readOnly}
                    data-testid={`naming-${field}-value-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  {readOnly ? null : (
                    <CloseButton
                      size="sm"
                      aria-label={`Remove ${r.key || 'row'}`}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
