import { Badge, Breadcrumbs, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { personName } from '../../lib/people.ts';
import { AnchorLink } from '../../ui/Links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { DiffTable } from './DiffTable.tsx';
import { useDiff, useDocument, useVersions } from './queries.ts';

const route = getRouteApi('/documents/$id/diff');

export function DiffPage() {
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const doc = useDocument(id);
  const versions = useVersions(id);
  // Default: the previous version against the current one.
  const to = search.to ?? versions.data?.[0]?.version;
  const from = search.from ?? versions.data?.[1]?.version ?? to;
  const diff = useDiff(id, from, to);

  if (doc.isPending || versions.isPending) return <LoadingState label="Loading versions…" />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const { document } = doc.data;
  const options = versions.data.map((v) => ({
    value: v.version,
    label: `v${v.version} · ${personName(v.author, 'unknown')}`,
  }));

  return (
    <Stack gap="md" data-testid="diff-page">
      <Breadcrumbs>
        <AnchorLink to="/products/$code" params={{ code: document.product.code }} size="sm">
          {document.product.code}
        </AnchorLink>
        <AnchorLink to="/documents/$id" params={{ id }} size="sm">
          {document.code}
        </AnchorLink>
        <Text size="sm">Compare</Text>
      </Breadcrumbs>
      <Title order={2}>Compare versions of {document.code}</Title>
      <Group align="flex-end">
        <Select
          label="From"
          data={options}
          value={from ?? null}
          onChange={(v) => v && void navigate({ search: { from: v, to }, replace: true })}
          allowDeselect={false}
          w={220}
          data-testid="diff-from"
        />
        <Select
          label="To"
          data={options}
          value={to ?? null}
          onChange={(v) => v && void navigate({ search: { from, to: v }, replace: true })}
          allowDeselect={false}
          w={220}
          data-testid="diff-to"
        />
        <Button
          variant="default"
          onClick={() => void navigate({ search: { from: to, to: from }, replace: true })}
          disabled={!from || !to || from === to}
        >
          Swap
        </Button>
        {diff.data ? (
          <Group gap={6} data-testid="diff-stats">
            <Badge color="green" variant="light">
              +{diff.data.stats.added} added
            </Badge>
            <Badge color="red" variant="light">
              −{diff.data.stats.removed} removed
            </Badge>
          </Group>
        ) : null}
      </Group>
      <Card withBorder radius="md" p={0} style={{ overflowX: 'auto' }}>
        {!from || !to ? (
          <EmptyState title="Nothing to compare">This document has a single version.</EmptyState>
        ) : diff.isPending ? (
          <LoadingState label="Computing the diff…" />
        ) : diff.isError ? (
          <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
        ) : from === to ? (
          <EmptyState title="Same version on both sides">Choose two different versions.</EmptyState>
        ) : diff.data.lines.length === 0 ? (
          <EmptyState title="Both versions are empty" />
        ) : (
          <DiffTable lines={diff.data.lines} />
        )}
      </Card>
    </Stack>
  );
}
