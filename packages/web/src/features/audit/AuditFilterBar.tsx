import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { useSubsidiaries, useUsers } from '../admin/queries.ts';
import { type AuditFilterForm, dateRangeError, EMPTY_FILTERS, KNOWN_TARGET_TYPES } from './filters.ts';

type Props = { value: AuditFilterForm; onChange: (next: AuditFilterForm) => void };

export function AuditFilterBar({ value, onChange }: Props) {
  const users = useUsers('');
  const subsidiaries = useSubsidiaries();
  const set = <K extends keyof AuditFilterForm>(key: K, v: AuditFilterForm[K]) => onChange({ ...value, [key]: v });
  const rangeError = dateRangeError(value);

  return (
    <Group align="flex-start" gap="sm" data-testid="audit-filters">
      <Select
        label="Actor"
        placeholder={users.isError ? 'Users unavailable' : 'Anyone'}
        data={users.data?.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })) ?? []}
        value={value.actor}
        onChange={(v) => set('actor', v)}
        searchable
        clearable
        w={240}
        data-testid="audit-filter-actor"
      />
      <TextInput
        label="Action"
        placeholder="starts with, e.g. product."
        value={value.action}
        onChange={(e) => set('action', e.currentTarget.value)}
        w={180}
        data-testid="audit-filter-action"
      />
      <Autocomplete
        label="Target type"
        placeholder="Any"
        data={KNOWN_TARGET_TYPES}
        value={value.targetType}
        onChange={(v) => set('targetType', v)}
        w={170}
        data-testid="audit-filter-target-type"
      />
      <Select
        label="Subsidiary"
        placeholder="All"
        data={subsidiaries.data?.items.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` })) ?? []}
        value={value.subsidiary}
        onChange={(v) => set('subsidiary', v)}
        clearable
        w={190}
        data-testid="audit-filter-subsidiary"
      />
      <TextInput
        label="From"
        type="date"
        value={value.fromDate}
        onChange={(e) => set('fromDate', e.currentTarget.value)}
        error={rangeError}
        w={160}
        data-testid="audit-filter-from"
      />
      <TextInput
        label="To"
        type="date"
        value={value.toDate}
        onChange={(e) => set('toDate', e.currentTarget.value)}
        w={160}
        data-testid="audit-filter-to"
      />
      <Button variant="subtle" mt={25} onClick={() => onChange(EMPTY_FILTERS)} data-testid="audit-filter-reset">
        Reset
      </Button>
    </Group>
  );
}
