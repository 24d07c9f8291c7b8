// /gate/golden: approved passages per criterion × subsidiary × product type, which the gate's fixes cite.
import { Badge, Button, Card, Group, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { criterionLabel } from '../../../lib/labels.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { type PersonRef, personName } from '../../../lib/people.ts';
import { confirmAction } from '../../../ui/confirm.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { useSession } from '../../auth/session.tsx';
import { MarkdownView } from '../../documents/MarkdownView.tsx';
import { useTaxonomy, useTaxonomyLabels } from '../../workspace/queries.ts';
import { useCurrentSubsidiary } from '../../workspace/use-current-subsidiary.ts';
import { canCurateGate } from '../access.ts';
import type { GoldenExample } from '../api.ts';
import { useGolden } from '../queries.ts';
import { GateNav } from '../ui/GateNav.tsx';
import { useDeleteGolden } from '../use-delete-golden.ts';

const route = getRouteApi('/gate/golden');
const CRITERIA = DEFAULT_RUBRIC.criteria.map((c) => ({ value: c.id, label: c.name }));

export function GoldenPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const [subsidiary] = useCurrentSubsidiary();
  const types = useTaxonomy('product_type');
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const golden = useGolden({
    criterion: search.criterion,
    productType: search.productType,
    subsidiary: subsidiary || undefined,
    q: debouncedQ || undefined,
  });
  const set = (patch: Partial<typeof search>) => void navigate({ search: { ...search, ...patch }, replace: true });

  return (
    <Stack gap="md" data-testid="gate-golden-page">
      <GateNav
        current="/gate/golden"
        description="Exemplary passages from passed PRDs. Gate fixes cite the best match (same subsidiary and product type first)."
      />
      <Group gap="xs" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Words in the passage"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
          data-testid="golden-search"
        />
        <Select
          label="Criterion"
          placeholder="All criteria"
          clearable
          data={CRITERIA}
          value={search.criterion ?? null}
          onChange={(v) => set({ criterion: v ?? undefined })}
          w={240}
          data-testid="golden-filter-criterion"
        />
        <Select
          label="Product type"
          placeholder="All types"
          clearable
          data={(types.data ?? []).map((t) => ({ value: t.code, label: t.label }))}
          value={search.productType ?? null}
          onChange={(v) => set({ productType: v ?? undefined })}
          w={180}
        />
        <Text size="xs" c="dimmed" pb={8}>
          Subsidiary: {subsidiary || 'all'} (header)
        </Text>
      </Group>
      {golden.isPending ? (
        <LoadingState label="Loading the golden library…" />
      ) : golden.isError ? (
        <ErrorState error={golden.error} onRetry={() => void golden.refetch()} />
      ) : golden.data.length === 0 ? (
        <EmptyState title="No golden examples match">
          ProductOps marks them from the review page of a passed PRD (“Mark as golden”).
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="golden-list">
          {golden.data.map((g) => (
            <GoldenCard key={g.id} example={g} canDelete={canCurateGate(me)} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function GoldenCard({ example, canDelete }: { example: GoldenExample; canDelete: boolean }) {
  const remove = useDeleteGolden();
  const typeLabel = useTaxonomyLabels('product_type');
  const onDelete = async () => {
    const ok = await confirmAction({
      title: 'Remove this golden example?',
      message: 'Fixes stop citing it. Reviews that already cite it keep their text.',
      confirmLabel: 'Remove',
      danger: true,
    });
    if (!ok) return;
    remove.mutate(example.id, {
      onSuccess: () => notifySuccess('Golden example removed.'),
      onError: (err) => notifyError(err, 'Not removed'),
    });
  };
  return (
    <Card withBorder radius="md" data-testid="golden-item">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6}>
          <Badge color="yellow" variant="light">
            {criterionLabel(example.criterion)}
          </Badge>
          {example.subsidiary ? <Badge variant="outline">{example.subsidiary}</Badge> : null}
          {example.productType ? (
            <Badge variant="outline" color="gray">
              {typeLabel(example.productType)}
            </Badge>
          ) : null}
        </Group>
        {canDelete ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => void onDelete()}
            loading={remove.isPending}
          >
            Remove
          </Button>
        ) : null}
      </Group>
      <ScrollArea.Autosize mah={320} type="auto" fz="sm">
        <MarkdownView source={example.text} />
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt="xs">
        {example.source ?? 'Unknown source'} · {personName(example.createdBy as PersonRef, '—')} ·{' '}
        {formatDate(example.createdAt)}
      </Text>
    </Card>
  );
}
