// A product's handover packs (issue #14): the five kinds IT needs, each with its newest version's verdict, the upload
// of a new version, and the findings of the one picked (`?kind=`). Guide: docs/handover-packs.md.
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ButtonLink } from '../../ui/Links.tsx';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { canWriteHandover } from './access.ts';
import type { PackKind } from './api.ts';
import { PackCard } from './PackCard.tsx';
import { PackFindings } from './PackFindings.tsx';
import { usePacks } from './queries.ts';

const route = getRouteApi('/products/$code/handover');

export function HandoverPacksPage() {
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const me = useSession();
  const product = useProduct(code);
  const packs = usePacks(code);

  if (product.isPending || packs.isPending) return <LoadingState label="Loading handover packs…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  if (packs.isError) return <ErrorState error={packs.error} onRetry={() => void packs.refetch()} />;
  const p = product.data.product;
  const canUpload = canWriteHandover(me, p.subsidiary.code);
  const uploaded = packs.data.items.filter((i) => i.latest);
  const shown = packs.data.items.find((i) => i.kind === search.kind && i.latest) ?? null;
  const show = (kind: PackKind) =>
    void navigate({ to: '/products/$code/handover', params: { code }, search: { kind } });

  return (
    <Stack gap="lg" data-testid="handover-packs-page">
      <ProductBreadcrumbs code={p.code} here="Handover packs" />
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2}>Handover packs</Title>
          <ButtonLink
            to="/products/$code/handover/package"
            params={{ code }}
            variant="light"
            size="sm"
            data-testid="open-handover-package"
          >
            Handover package
          </ButtonLink>
        </Group>
        <Text size="sm" c="dimmed" maw={760}>
          The packs IT takes the product over with. Every upload is checked for its required sections, clear wording,
          formatting, consistency with {p.name} and leftovers of AI tools; a pasted secret blocks the pack and is masked
          in the stored copy. {uploaded.length} of {packs.data.items.length} uploaded.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {packs.data.items.map((item) => (
          <PackCard
            key={item.kind}
            code={code}
            kind={item.kind}
            latest={item.latest}
            versions={item.versions}
            canUpload={canUpload}
            selected={shown?.kind === item.kind}
            onShow={() => show(item.kind)}
          />
        ))}
      </SimpleGrid>
      {shown?.latest ? (
        <PackFindings code={code} kind={shown.kind} version={shown.latest.version} />
      ) : uploaded.length > 0 ? (
        <Text size="sm" c="dimmed">
          Pick “Findings” on a pack to see what to fix.
        </Text>
      ) : null}
    </Stack>
  );
}
