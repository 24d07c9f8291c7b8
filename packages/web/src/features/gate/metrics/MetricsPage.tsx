// /gate/metrics: first-time pass rate, top rejection reasons and their trend, by subsidiary, author and type.
import '@mantine/charts/styles.css';
import { Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ErrorState, LoadingState } from '../../../ui/States.tsx';
import { useTaxonomy } from '../../workspace/queries.ts';
import { useCurrentSubsidiary } from '../../workspace/use-current-subsidiary.ts';
import { isoDateInDays } from '../format.ts';
import { useMetrics } from '../queries.ts';
import { GateNav } from '../ui/GateNav.tsx';
import { BreakdownTables } from './BreakdownTables.tsx';
import { PassRateCard, ReasonsCard, ReasonsTrendCard } from './MetricCards.tsx';

const route = getRouteApi('/gate/metrics');
const DEFAULT_WEEKS = 12;

export function MetricsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [subsidiary] = useCurrentSubsidiary();
  const types = useTaxonomy('product_type');
  const from = search.from ?? isoDateInDays(-DEFAULT_WEEKS * 7);
  const to = search.to ?? isoDateInDays(0);
  const metrics = useMetrics({ from, to, subsidiary: subsidiary || undefined, productType: search.productType });
  const set = (patch: Partial<typeof search>) => void navigate({ search: { ...search, ...patch }, replace: true });

  return (
    <Stack gap="md" data-testid="gate-metrics-page">
      <GateNav
        current="/gate/metrics"
        description={`Gate outcomes${subsidiary ? ` in ${subsidiary}` : ''} from ${from} to ${to}.`}
        actions={
          <Group gap="xs" align="flex-end">
            <TextInput
              type="date"
              label="From"
              size="xs"
              value={from}
              max={to}
              onChange={(e) => set({ from: e.currentTarget.value || undefined })}
              data-testid="metrics-from"
            />
            <TextInput
              type="date"
              label="To"
              size="xs"
              value={to}
              min={from}
              onChange={(e) => set({ to: e.currentTarget.value || undefined })}
              data-testid="metrics-to"
            />
            <Select
              label="Product type"
              size="xs"
              w={160}
              clearable
              placeholder="All types"
              value={search.productType ?? null}
              onChange={(v) => set({ productType: v ?? undefined })}
              data={(types.data ?? []).map((t) => ({ value: t.code, label: t.label }))}
            />
          </Group>
        }
      />
      {metrics.isPending ? (
        <LoadingState label="Computing gate metrics…" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <Stack gap="md" style={{ opacity: metrics.isPlaceholderData ? 0.6 : 1 }}>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <PassRateCard metrics={metrics.data} />
            <ReasonsCard metrics={metrics.data} />
          </SimpleGrid>
          <ReasonsTrendCard metrics={metrics.data} />
          <BreakdownTables metrics={metrics.data} />
        </Stack>
      )}
    </Stack>
  );
}
