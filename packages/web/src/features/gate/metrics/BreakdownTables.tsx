// The same outcomes by subsidiary, author and product type: who needs coaching, which templates need work.
import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { personName } from '../../../lib/people.ts';
import { useTaxonomyLabels } from '../../workspace/queries.ts';
import type { GateMetrics } from '../api.ts';
import { percent } from '../format.ts';

function Breakdown({
  title,
  head,
  rows,
  testId,
}: {
  title: string;
  head: string[];
  rows: ReactNode[][];
  testId: string;
}) {
  return (
    <Card withBorder radius="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No data in this period.
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {head.map((h, i) => (
                <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((cells, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed server order without ids
              <Table.Tr key={r}>
                {cells.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <Table.Td key={i} ta={i === 0 ? 'left' : 'right'}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function BreakdownTables({ metrics }: { metrics: GateMetrics }) {
  const typeLabel = useTaxonomyLabels('product_type');
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Breakdown
        title="By subsidiary"
        testId="metrics-by-subsidiary"
        head={['Subsidiary', 'First-time pass', 'Failed']}
        rows={metrics.bySubsidiary.map((s) => [s.subsidiary, percent(s.firstTimePassRate), s.failed])}
      />
      <Breakdown
        title="By author"
        testId="metrics-by-author"
        head={['Author', 'Submitted', 'First-time pass']}
        rows={metrics.byAuthor.map((a) => [personName(a.author, '—'), a.submitted, percent(a.firstTimePassRate)])}
      />
      <Breakdown
        title="By product type"
        testId="metrics-by-type"
        head={['Type', 'Submitted', 'First-time pass']}
        rows={metrics.byProductType.map((t) => [typeLabel(t.productType), t.submitted, percent(t.firstTimePassRate)])}
      />
    </SimpleGrid>
  );
}
