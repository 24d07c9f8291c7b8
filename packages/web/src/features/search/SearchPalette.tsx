// The Ctrl/⌘-K command palette: full-text search over every document the person may see.
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { useCurrentSubsidiary } from '../workspace/use-current-subsidiary.ts';
import { MIN_QUERY, useSearch } from './queries.ts';
import { Snippet } from './Snippet.tsx';

export function SearchPalette() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [subsidiary] = useCurrentSubsidiary();
  const navigate = useNavigate();
  const results = useSearch({ q: debounced, limit: 12, subsidiary: subsidiary || undefined });
  const active = debounced.length >= MIN_QUERY;
  const hits = active ? (results.data ?? []) : [];

  let status: string | null = null;
  if (!active) status = 'Type at least two characters to search documents';
  else if (results.isError) status = `Search failed: ${errorMessage(results.error)}`;
  else if (results.isPending) status = 'Searching…';
  else if (hits.length === 0) status = `No documents match “${debounced}”`;

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={480}>
      <Spotlight.Search
        placeholder="Search documents…"
        aria-label="Search documents"
        data-testid="search-palette-input"
        rightSection={results.isFetching && active ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList data-testid="search-palette-results">
        {hits.map((hit) => (
          <Spotlight.Action
            key={hit.documentId}
            data-testid="search-result"
            onClick={() => void navigate({ to: '/documents/$id', params: { id: hit.documentId } })}
          >
            <div style={{ width: '100%', minWidth: 0 }}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text size="sm" fw={600} truncate>
                  {hit.title}
                </Text>
                <Badge size="xs" variant="light">
                  {hit.kind}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {hit.documentCode} v{hit.version} · {hit.product.name}
              </Text>
              <Snippet html={hit.snippet} size="xs" />
            </div>
          </Spotlight.Action>
        ))}
        {status ? <Spotlight.Empty>{status}</Spotlight.Empty> : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
