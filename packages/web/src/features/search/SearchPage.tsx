import { Badge, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type DocumentKind, isDocumentKind } from '@pi-studio/core/documents/kinds';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AnchorLink } from '../../ui/Links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useCurrentSubsidiary } from '../workspace/use-current-subsidiary.ts';
import { MIN_QUERY, useSearch } from './queries.ts';
import { Snippet } from './Snippet.tsx';

const route = getRouteApi('/search');

export function SearchPage() {
  const { q = '' } = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(q);
  const [kind, setKind] = useState<DocumentKind | 'all'>('all');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [subsidiary] = useCurrentSubsidiary();

  // Keep the address in step with the box so a search can be bookmarked or shared.
  useEffect(() => {
    if (debounced !== q) void navigate({ search: { q: debounced || undefined }, replace: true });
  }, [debounced, q, navigate]);

  const results = useSearch({
    q: debounced,
    limit: 50,
    kind: kind === 'all' ? undefined : kind,
    subsidiary: subsidiary || undefined,
  });

  return (
    <Stack maw={900}>
      <Title order={2}>Search</Title>
      <Group align="flex-end">
        <TextInput
          label="Search documents"
          placeholder="Words from any context or PRD"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
          autoFocus
          data-testid="search-page-input"
        />
        <SegmentedControl
          aria-label="Document kind"
          value={kind}
          onChange={(v) => setKind(isDocumentKind(v) ? v : 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'context', label: 'Context' },
            { value: 'prd', label: 'PRD' },
          ]}
        />
      </Group>
      {subsidiary ? (
        <Text size="xs" c="dimmed">
          Limited to {subsidiary} (change it in the header).
        </Text>
      ) : null}
      <SearchResults query={debounced} results={results} />
    </Stack>
  );
}

function SearchResults({ query, results }: { query: string; results: ReturnType<typeof useSearch> }) {
  if (query.length < MIN_QUERY)
    return <EmptyState title="Search every document you can see">Type two or more characters.</EmptyState>;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending) return <LoadingState label="Searching…" />;
  if (results.data.length === 0)
    return <EmptyState title={`No documents match “${query}”`}>Try other words.</EmptyState>;
  return (
    <Stack gap="sm" data-testid="search-page-results">
      {results.data.map((hit) => (
        <Card key={hit.documentId} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <AnchorLink to="/documents/$id" params={{ id: hit.documentId }} fw={600}>
              {hit.title}
            </AnchorLink>
            <Badge variant="light">{hit.kind}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {hit.documentCode} v{hit.version} · {hit.product.name} · {hit.subsidiary}
          </Text>
          <Snippet html={hit.snippet} mt={4} lineClamp={3} />
        </Card>
      ))}
    </Stack>
  );
}
