import { BarChart, LineChart } from '@mantine/charts';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { EmptyState } from '../../../ui/States.tsx';
import type { GateMetrics } from '../api.ts';
import { percent } from '../format.ts';
import { reasonsByWeek, topReasonBars, weeklyPassRate } from './chart-data.ts';

export function PassRateCard({ metrics }: { metrics: GateMetrics }) {
  const data = weeklyPassRate(metrics.byWeek);
  return (
    <Card withBorder radius="md" data-testid="pass-rate-card">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>First-time pass rate</Title>
          <Text size="xs" c="dimmed">
            PRDs that passed (or passed with conditions) on their first submission.
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text
            fz={40}
            fw={800}
            lh={1}
            c={metrics.firstTimePassRate === null ? 'dimmed' : 'indigo'}
            data-testid="first-time-pass-rate"
          >
            {percent(metrics.firstTimePassRate)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="metrics-counts">
            {metrics.reviews} reviews · {metrics.decided} decided
          </Text>
        </Stack>
      </Group>
      {data.every((w) => w['First-time pass %'] === null) ? (
        <EmptyState title="No first submissions decided in this period" />
      ) : (
        <LineChart
          h={220}
          data={data}
          dataKey="week"
          series={[{ name: 'First-time pass %', color: 'indigo.6' }]}
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
          connectNulls
          curveType="monotone"
        />
      )}
    </Card>
  );
}

export function ReasonsCard({ metrics }: { metrics: GateMetrics }) {
  const data = topReasonBars(metrics.topReasons);
  return (
    <Card withBorder radius="md" data-testid="top-reasons-card">
      <Title order={4}>Top rejection reasons</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Rules behind the findings of failed and conditional reviews.
      </Text>
      {data.length === 0 ? (
        <EmptyState title="No rejections in this period" />
      ) : (
        <BarChart
          h={Math.max(160, data.length * 30)}
          data={data}
          dataKey="reason"
          orientation="vertical"
          yAxisProps={{ width: 200 }}
          xAxisProps={{ allowDecimals: false }}
          series={[{ name: 'Findings', color: 'red.6' }]}
          gridAxis="x"
        />
      )}
    </Card>
  );
}

export function ReasonsTrendCard({ metrics }: { metrics: GateMetrics }) {
  const { data, series } = reasonsByWeek(
    metrics.reasonsByWeek,
    metrics.byWeek.map((w) => w.week),
  );
  return (
    <Card withBorder radius="md" data-testid="reasons-trend-card">
      <Title order={4}>Rejection reasons by week</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Findings per criterion in rejected and conditional reviews; the goal is bars getting shorter.
      </Text>
      {series.length === 0 ? (
        <EmptyState title="No rejections in this period" />
      ) : (
        <BarChart
          h={260}
          data={data}
          dataKey="week"
          type="stacked"
          series={series}
          withLegend
          yAxisProps={{ allowDecimals: false }}
        />
      )}
    </Card>
  );
}
