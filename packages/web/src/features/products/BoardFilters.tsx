import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { BoardSearch } from '../../router.tsx';
import { useSubsidiaries, useTaxonomy, useUsers } from '../workspace/queries.ts';

type Props = {
  subsidiary: string;
  onSubsidiary: (code: string) => void;
  filters: BoardSearch;
  onFilters: (next: BoardSearch) => void;
};

export function BoardFilters({ subsidiary, onSubsidiary, filters, onFilters }: Props) {
  const subsidiaries = useSubsidiaries();
  const types = useTaxonomy('product_type');
  const users = useUsers(subsidiary || undefined);
  const [text, setText] = useState(filters.q ?? '');
  const pushText = useDebouncedCallback((q: string) => onFilters({ ...filters, q: q.trim() || undefined }), 300);

  const hasFilters = Boolean(subsidiary || filters.type || filters.owner || filters.q);

  return (
    <Group gap="sm" align="flex-end" data-testid="board-filters">
      <Select
        label="Subsidiary"
        w={180}
        value={subsidiary || null}
        placeholder="All"
        clearable
        onChange={(v) => onSubsidiary(v ?? '')}
        data={(subsidiaries.data ?? []).map((s) => ({ value: s.code, label: s.code }))}
      />
      <Select
        label="Product type"
        w={190}
        value={filters.type ?? null}
        placeholder="Any type"
        clearable
        onChange={(v) => onFilters({ ...filters, type: v ?? undefined })}
        data={(types.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.code, label: t.label }))}
      />
      <Select
        label="Owner"
        w={220}
        value={filters.owner ?? null}
        placeholder="Anyone"
        clearable
        searchable
        onChange={(v) => onFilters({ ...filters, owner: v ?? undefined })}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextInput
        label="Find"
        placeholder="Code, name or summary"
        w={240}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushText(e.currentTarget.value);
        }}
        data-testid="board-text-filter"
      />
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
            pushText.cancel();
            setText('');
            onSubsidiary('');
            onFilters({});
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
