// A product's handover package (issue #14): its readiness score and what blocks it, the checklist IT takes the product
// over by, the artifacts IT runs it with, the readiness review where IT decides (acceptance makes it Live) and, once
// live, IT's gap log. Without a package yet, the form that creates one. `?tab=` and `?artifact=` keep the place.
import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ButtonLink } from '../../ui/Links.tsx';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { canWriteHandover } from '../handover/access.ts';
import type { ProductDetail } from '../products/api.ts';
import { useProduct } from '../products/queries.ts';
import { ArtifactsSection } from './ArtifactsSection.tsx';
import { canRecordReview, canReportGaps } from './access.ts';
import { type ExportFormat, type HandoverPackage, packageExportUrl } from './api.ts';
import { ChecklistSection } from './ChecklistSection.tsx';
import { CreatePackageForm } from './CreatePackageForm.tsx';
import { canChangeEls, ElsStatus } from './ElsStatus.tsx';
import { applicableCount, plural } from './format.ts';
import { GapLog } from './GapLog.tsx';
import { isNoPackage, usePackage } from './queries.ts';
import { ReadinessCard } from './ReadinessCard.tsx';
import { ReviewSection } from './ReviewSection.tsx';
import type { PackageSearch, PackageTab } from './search.ts';

const route = getRouteApi('/products/$code/handover/package');

export function PackagePage() {
  const { code } = route.useParams();
  const me = useSession();
  const product = useProduct(code);
  const pkg = usePackage(code);

  if (product.isPending || pkg.isPending) return <LoadingState label="Loading the handover package…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const canEdit = canWriteHandover(me, p.subsidiary.code);

  let body: ReactNode;
  if (pkg.isError && isNoPackage(pkg.error)) {
    body = canEdit ? (
      <CreatePackageForm code={code} productName={p.name} stage={p.stage} />
    ) : (
      <EmptyState title="No handover package yet">
        The team that built {p.name} starts the package when the product reaches UAT or handover.
      </EmptyState>
    );
  } else if (pkg.isError) {
    body = <ErrorState error={pkg.error} onRetry={() => void pkg.refetch()} />;
  } else {
    body = <PackageView product={p} pkg={pkg.data} canEdit={canEdit} />;
  }

  return (
    <Stack gap="lg" data-testid="package-page">
      <ProductBreadcrumbs code={p.code} here="Handover package" />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} maw={760}>
          <Title order={2}>Handover package</Title>
          <Text size="sm" c="dimmed">
            What IT needs to take {p.name} over: the readiness checklist with evidence, the artifacts IT runs it with,
            and the readiness review where IT decides.
          </Text>
        </Stack>
        <ButtonLink to="/products/$code/handover" params={{ code }} variant="light" size="sm" data-testid="open-packs">
          Handover packs
        </ButtonLink>
      </Group>
      {body}
    </Stack>
  );
}

function PackageView({ product, pkg, canEdit }: { product: ProductDetail; pkg: HandoverPackage; canEdit: boolean }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const live = pkg.stage === 'live';
  const tab: PackageTab = search.tab === 'gaps' && !live ? 'checklist' : (search.tab ?? 'checklist');
  const setSearch = (next: PackageSearch) => void navigate({ search: next, replace: true });

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Title order={3} data-testid="package-release">
            {pkg.productName} {pkg.release}
          </Title>
          <StageBadge stage={pkg.stage} />
          {pkg.status === 'accepted' ? (
            <Badge color="green" variant="filled" data-testid="package-accepted">
              Accepted by IT
            </Badge>
          ) : null}
          <ElsStatus
            code={product.code}
            els={pkg.earlyLifeSupport}
            canChange={canChangeEls(me, product.subsidiary.code)}
          />
        </Group>
        <Text size="sm" c="dimmed" data-testid="package-facts">
          {pkg.template.title} v{pkg.template.version} · {plural(applicableCount(pkg), 'applicable item')}
          {pkg.targetDate ? ` · handover planned ${formatDate(pkg.targetDate)}` : ' · no target date'}
          {pkg.signoffKey ? ` · hands over sign-off ${pkg.signoffKey}` : ''}
          {pkg.acceptedAt ? ` · accepted ${formatDateTime(pkg.acceptedAt)}` : ''}
          {pkg.acceptedOnFirstHandover === true ? ' (on the first review)' : ''}
        </Text>
        <ExportLinks code={product.code} />
      </Stack>
      <ReadinessCard readiness={pkg.readiness} accepted={pkg.status === 'accepted'} />
      <Tabs value={tab} onChange={(t) => setSearch({ ...search, tab: (t as PackageTab) ?? undefined })}>
        <Tabs.List>
          <Tabs.Tab value="checklist" data-testid="tab-checklist">
            Checklist
          </Tabs.Tab>
          <Tabs.Tab value="artifacts" data-testid="tab-artifacts">
            Artifacts
          </Tabs.Tab>
          <Tabs.Tab value="review" data-testid="tab-review">
            Review{pkg.reviews.length ? ` (${pkg.reviews.length})` : ''}
          </Tabs.Tab>
          {live ? (
            <Tabs.Tab value="gaps" data-testid="tab-gaps">
              Gap log
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="checklist" pt="md">
          <ChecklistSection code={product.code} items={pkg.items} canEdit={canEdit && pkg.status === 'open'} />
        </Tabs.Panel>
        <Tabs.Panel value="artifacts" pt="md">
          <ArtifactsSection
            code={product.code}
            artifacts={pkg.artifacts}
            kind={search.artifact}
            onKind={(artifact) => setSearch({ ...search, artifact })}
            canEdit={canEdit && pkg.status === 'open'}
          />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewSection
            code={product.code}
            pkg={pkg}
            canReview={canRecordReview(me, product.itOwner?.id ?? null)}
            itOwnerName={product.itOwner?.name ?? null}
          />
        </Tabs.Panel>
        {live ? (
          <Tabs.Panel value="gaps" pt="md">
            <GapLog code={product.code} items={pkg.items} canReport={canReportGaps(me, product.subsidiary.code)} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'zip', label: 'Download package (zip)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word' },
];

/** The whole package as files for IT's records: the zip holds the Markdown, PDF, Word, artifacts, packs and hashes. */
function ExportLinks({ code }: { code: string }) {
  return (
    <Group gap="md" wrap="wrap" data-testid="package-exports">
      {EXPORTS.map(({ format, label }) => (
        <Anchor key={format} href={packageExportUrl(code, format)} download size="sm" data-testid={`export-${format}`}>
          {label}
        </Anchor>
      ))}
    </Group>
  );
}
