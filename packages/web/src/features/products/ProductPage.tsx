import { Breadcrumbs, Grid, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { formatDateTime } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/Links.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { AdoptionSummaryCard } from '../adoption/AdoptionSummaryCard.tsx';
import { canUpdateProduct, canWriteDocuments, useSession } from '../auth/session.tsx';
import { canWriteBacklog } from '../backlog/access.ts';
import { BacklogSummaryCard } from '../backlog/BacklogSummaryCard.tsx';
import { DriftCard } from '../backlog/trace/DriftCard.tsx';
import { DocumentsCard } from '../documents/DocumentsCard.tsx';
import { GateStatusCard } from '../gate/ProductGateStatus.tsx';
import { HandoverSummaryCard } from '../handover/HandoverSummaryCard.tsx';
import { UatSummaryCard } from '../uat/UatSummaryCard.tsx';
import { PeopleCard } from './PeopleCard.tsx';
import { ProductHeader } from './ProductHeader.tsx';
import { useProduct } from './queries.ts';

const route = getRouteApi('/products/$code');

export function ProductPage() {
  const { code } = route.useParams();
  const me = useSession();
  const query = useProduct(code);

  if (query.isPending) return <LoadingState label="Loading product…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { product, etag } = query.data;
  const sub = product.subsidiary.code;

  return (
    <Stack gap="lg" data-testid="product-page">
      <Breadcrumbs>
        <AnchorLink to="/" size="sm">
          Portfolio
        </AnchorLink>
        <Text size="sm">{product.code}</Text>
      </Breadcrumbs>
      <ProductHeader product={product} etag={etag} canForceStage={me.user.isAdmin} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <DocumentsCard
              productCode={product.code}
              documents={product.documents}
              canWrite={canWriteDocuments(me, sub)}
            />
            {['build', 'uat', 'handover', 'live'].includes(product.stage) ? <DriftCard code={product.code} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <GateStatusCard gate={product.gate} />
            <BacklogSummaryCard code={product.code} stage={product.stage} canMove={canWriteBacklog(me, sub)} />
            <UatSummaryCard code={product.code} />
            {['build', 'uat', 'handover', 'live'].includes(product.stage) ? (
              <HandoverSummaryCard code={product.code} />
            ) : null}
            <AdoptionSummaryCard code={product.code} />
            <PeopleCard product={product} etag={etag} canEdit={canUpdateProduct(me, sub)} />
            <Text size="xs" c="dimmed">
              Created {formatDateTime(product.createdAt)} · updated {formatDateTime(product.updatedAt)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
