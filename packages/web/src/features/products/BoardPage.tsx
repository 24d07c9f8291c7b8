import { Button, Collapse, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { FLOW_STAGES } from '../../lib/stages.ts';
import type { BoardSearch } from '../../router.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { creatableSubsidiaries, useSession } from '../auth/session.tsx';
import { useTaxonomyLabels } from '../workspace/queries.ts';
import { useCurrentSubsidiary } from '../workspace/use-current-subsidiary.ts';
import type { Product } from './api.ts';
import { BoardColumn } from './BoardColumn.tsx';
import { BoardFilters } from './BoardFilters.tsx';
import { NewProductModal } from './NewProductModal.tsx';
import { ProductCard } from './ProductCard.tsx';
import { useProducts } from './queries.ts';

const route = getRouteApi('/');

export function BoardPage() {
  const me = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [subsidiary, setSubsidiary] = useCurrentSubsidiary();
  const [creating, createModal] = useDisclosure(false);
  const [showArchived, archived] = useDisclosure(false);
  const typeLabel = useTaxonomyLabels('product_type');
  const products = useProducts({ subsidiary: subsidiary || undefined, ...search });
  const canCreate = creatableSubsidiaries(me) === 'all' || creatableSubsidiaries(me).length > 0;

  const setFilters = useCallback((next: BoardSearch) => void navigate({ search: next, replace: true }), [navigate]);

  const byStage = (stage: string) => (products.data ?? []).filter((p: Product) => p.stage === stage);
  const archivedProducts = byStage('archived');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Portfolio</Title>
        {canCreate ? (
          <Button onClick={createModal.open} data-testid="new-product">
            New product
          </Button>
        ) : null}
      </Group>
      <BoardFilters subsidiary={subsidiary} onSubsidiary={setSubsidiary} filters={search} onFilters={setFilters} />
      {products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.isPending ? (
        <LoadingState label="Loading the portfolio…" />
      ) : products.data.length === 0 ? (
        <EmptyState
          title="No products here yet"
          action={
            canCreate ? (
              <Button variant="light" onClick={createModal.open}>
                Create the first product
              </Button>
            ) : undefined
          }
        >
          {subsidiary || search.type || search.owner || search.q
            ? 'Nothing matches these filters. Clear them to see the whole portfolio.'
            : 'Products appear here by stage, from intake to live.'}
        </EmptyState>
      ) : (
        <>
          <div className="board" data-testid="board" style={{ opacity: products.isFetching ? 0.7 : 1 }}>
            {FLOW_STAGES.map((stage) => (
              <BoardColumn key={stage} stage={stage} products={byStage(stage)} typeLabel={typeLabel} />
            ))}
          </div>
          <div>
            <Button variant="subtle" color="gray" onClick={archived.toggle} aria-expanded={showArchived}>
              {showArchived ? 'Hide' : 'Show'} archived ({archivedProducts.length})
            </Button>
            <Collapse expanded={showArchived}>
              {archivedProducts.length === 0 ? (
                <Text size="sm" c="dimmed" p="sm">
                  No archived products.
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} mt="xs" data-testid="board-archived">
                  {archivedProducts.map((p) => (
                    <ProductCard key={p.id} product={p} typeLabel={typeLabel} />
                  ))}
                </SimpleGrid>
              )}
            </Collapse>
          </div>
        </>
      )}
      <NewProductModal opened={creating} onClose={createModal.close} defaultSubsidiary={subsidiary} />
    </Stack>
  );
}
