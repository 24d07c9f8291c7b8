// "Fewer post-handover gaps", the charter's success figure, as a cohort table (research §3): per month of IT
// acceptance, the mean gaps per package within 30, 60 and 90 days, and the share with none. A cell stays blank until
// every package of that month has had those days, so a young month never looks better than it is.
import { Card, Table, Text, Title } from '@mantine/core';
import type { GapStats } from './api.ts';

const HORIZONS = ['30', '60', '90'] as const;
const mean = (v: number | null) => (v === null ? '—' : (Math.round(v * 10) / 10).toString());
const share = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const monthLabel = (cohort: string) =>
  new Date(`${cohort}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function GapCohortsCard({ stats }: { stats: GapStats }) {
  return (
    <Card withBorder radius="md" data-testid="gap-cohorts-card">
      <Title order={4}>Gaps after handover, by month of acceptance</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Mean gaps per accepted package within 30, 60 and 90 days, and the share of packages with none. “—”: not every
        package of that month has had those days yet.
      </Text>
      {stats.cohorts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No package has been accepted yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Accepted in</Table.Th>
                <Table.Th ta="right">Packages</Table.Th>
                {HORIZONS.map((h) => (
                  <Table.Th key={h} ta="right">
                    Gaps ≤ {h} d
                  </Table.Th>
                ))}
                <Table.Th ta="right">None in 90 d</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.cohorts.map((c) => (
                <Table.Tr key={c.cohort} data-testid={`gap-cohort-${c.cohort}`}>
                  <Table.Td>{monthLabel(c.cohort)}</Table.Td>
                  <Table.Td ta="right">{c.products}</Table.Td>
                  {HORIZONS.map((h) => (
                    <Table.Td key={h} ta="right">
                      {mean(c.mean[h])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{share(c.zeroShare['90'])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
