// /handover/stats: how handovers go, over the products the reader sees — the share of packages IT accepted on the first
// handover (the charter's success figure) and the gaps IT logged after handover, by severity and by the checklist item
// that should have caught them (worst first: the input for the checklist template's next version).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Box, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS } from '@pi-studio/core/contract/handover-package';
import { AnchorLink } from '../../ui/Links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { GAP_SEVERITY_COLOR } from '../handover-package/format.ts';
import type { GapStats, GapStatsItem } from './api.ts';
import { GapCohortsCard } from './GapCohortsCard.tsx';
import { useGapStats } from './queries.ts';
import { chartRows, itemName, rateLine, severityTotals } from './stats-data.ts';

export function StatsPage() {
  const stats = useGapStats();
  return (
    <Stack gap="md" data-testid="handover-stats-page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} maw={760}>
          <Title order={2}>Handover statistics</Title>
          <Text size="sm" c="dimmed">
            How handovers to IT go across the products you can see: accepted on the first handover, and the gaps IT
            found afterwards with the checklist item that should have caught them.
          </Text>
        </Stack>
        <Group gap="md" wrap="wrap">
          <AnchorLink to="/handover/checkpoint" size="sm">
            Checkpoint
          </AnchorLink>
          <AnchorLink to="/handover/templates" size="sm" data-testid="stats-templates-link">
            Checklist templates
          </AnchorLink>
        </Group>
      </Group>
      {stats.isPending ? (
        <LoadingState label="Loading the statistics…" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <AcceptanceCard stats={stats.data} />
            <GapTotalsCard stats={stats.data} />
            <EarlyLifeCard stats={stats.data} />
          </SimpleGrid>
          <GapCohortsCard stats={stats.data} />
          <GapsByItemCard stats={stats.data} />
        </>
      )}
    </Stack>
  );
}

function AcceptanceCard({ stats }: { stats: GapStats }) {
  return (
    <Card withBorder radius="md" data-testid="acceptance-card">
      <Title order={4}>Accepted on the first handover</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Packages IT accepted at their first readiness review, without a rejection before.
      </Text>
      <Text
        fz={40}
        fw={800}
        lh={1}
        c={stats.firstHandoverRate === null ? 'dimmed' : 'indigo'}
        data-testid="first-handover-rate"
      >
        {stats.firstHandoverRate === null ? '—' : `${stats.firstHandoverRate}%`}
      </Text>
      <Text size="sm" mt="xs" data-testid="acceptance-line">
        {rateLine(stats)}
      </Text>
    </Card>
  );
}

function GapTotalsCard({ stats }: { stats: GapStats }) {
  const totals = severityTotals(stats);
  return (
    <Card withBorder radius="md" data-testid="gap-totals-card">
      <Title order={4}>Gaps after handover</Title>
      <Text size="xs" c="dimmed" mb="sm">
        What IT logged once the products were live.
      </Text>
      <Text fz={40} fw={800} lh={1} c={totals.total ? 'red' : 'dimmed'} data-testid="gap-total">
        {totals.total}
      </Text>
      <Group gap="xs" mt="xs" wrap="wrap">
        {GAP_SEVERITIES.map((s) => (
          <Badge key={s} color={GAP_SEVERITY_COLOR[s]} variant="light" data-testid={`gap-total-${s}`}>
            {GAP_SEVERITY_LABELS[s]}: {totals[s]}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}

function EarlyLifeCard({ stats }: { stats: GapStats }) {
  const els = stats.earlyLifeSupport;
  return (
    <Card withBorder radius="md" data-testid="els-card">
      <Title order={4}>Early-life support</Title>
      <Text size="xs" c="dimmed" mb="sm">
        The weeks after acceptance when the builders still help IT: gaps found then are the ones handover missed.
      </Text>
      <Text fz={40} fw={800} lh={1} c={els.active ? 'indigo' : 'dimmed'} data-testid="els-active">
        {els.active}
      </Text>
      <Text size="sm" mt="xs" data-testid="els-line">
        {els.active === 1 ? 'package' : 'packages'} in early-life support now · {els.gapsDuringEls} gap
        {els.gapsDuringEls === 1 ? '' : 's'} during it, {els.gapsAfterEls} after
      </Text>
    </Card>
  );
}

const SERIES = GAP_SEVERITIES.map((s) => ({ name: GAP_SEVERITY_LABELS[s], color: `${GAP_SEVERITY_COLOR[s]}.6` }));

function GapsByItemCard({ stats }: { stats: GapStats }) {
  const rows = chartRows(stats);
  return (
    <Card withBorder radius="md" data-testid="gaps-by-item-card">
      <Title order={4}>Gaps by checklist item</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Worst first. An item that keeps missing gaps is a candidate for the{' '}
        <AnchorLink to="/handover/templates" size="xs">
          checklist template's
        </AnchorLink>{' '}
        next version.
      </Text>
      {rows.length === 0 ? (
        <EmptyState title="No gaps logged after handover">
          IT logs gaps on a live product's handover package; they are counted here.
        </EmptyState>
      ) : (
        <Stack gap="md">
          <BarChart
            h={Math.max(140, rows.length * 36 + 60)}
            data={rows}
            dataKey="item"
            orientation="vertical"
            type="stacked"
            yAxisProps={{ width: 70 }}
            xAxisProps={{ allowDecimals: false }}
            series={SERIES}
            withLegend
            gridAxis="x"
            aria-label="Post-handover gaps per checklist item and severity"
            data-testid="gaps-chart"
          />
          <GapsTable items={stats.items} />
          <GapsList items={stats.items} />
        </Stack>
      )}
    </Card>
  );
}

/** The exact numbers behind the chart, one row per item; a table on a wide screen. */
function GapsTable({ items }: { items: GapStatsItem[] }) {
  return (
    <Box visibleFrom="sm">
      <Table verticalSpacing="xs" data-testid="gaps-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Checklist item</Table.Th>
            {GAP_SEVERITIES.map((s) => (
              <Table.Th key={s} ta="right">
                {GAP_SEVERITY_LABELS[s]}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.itemId ?? 'none'} data-testid="gap-stat-row" data-item={item.itemId ?? ''}>
              <Table.Td>
                <Text size="sm">{itemName(item)}</Text>
              </Table.Td>
              {GAP_SEVERITIES.map((s) => (
                <Table.Td key={s} ta="right" data-testid={`gap-stat-${s}`}>
                  {item[s]}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600} data-testid="gap-stat-total">
                {item.gaps}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** The same numbers on a phone: the item in words, then its gaps per severity. */
function GapsList({ items }: { items: GapStatsItem[] }) {
  return (
    <Stack gap="xs" hiddenFrom="sm" data-testid="gaps-list">
      {items.map((item) => (
        <Stack key={item.itemId ?? 'none'} gap={4} data-testid="gap-stat-card">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {itemName(item)}
          </Text>
          <Group gap={6} wrap="wrap">
            {GAP_SEVERITIES.map((s) => (
              <Badge key={s} size="sm" variant="light" color={GAP_SEVERITY_COLOR[s]}>
                {GAP_SEVERITY_LABELS[s]}: {item[s]}
              </Badge>
            ))}
            <Badge size="sm" variant="outline" color="gray">
              Total: {item.gaps}
            </Badge>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
