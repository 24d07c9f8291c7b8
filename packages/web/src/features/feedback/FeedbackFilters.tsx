// The inbox's filters, kept in the address: status (what waits for triage unless another is picked) and source.
import { Select, SimpleGrid } from '@mantine/core';
import { FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '@pi-studio/core/contract/feedback';
import { SOURCE_LABEL, STATUS_LABEL } from './format.ts';
import type { FeedbackSearch } from './search.ts';

type Props = { search: FeedbackSearch; onChange: (next: FeedbackSearch) => void };

const STATUS_OPTIONS = [
  ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
  { value: 'all', label: 'Every status' },
];

export function FeedbackFilters({ search, onChange }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" maw={560} data-testid="feedback-filters">
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={search.status ?? 'new'}
        onChange={(v) =>
          onChange({ ...search, status: !v || v === 'new' ? undefined : (v as FeedbackSearch['status']) })
        }
        allowDeselect={false}
        data-testid="feedback-filter-status"
      />
      <Select
        label="Source"
        placeholder="Every source"
        clearable
        data={FEEDBACK_SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL[s] }))}
        value={search.source ?? null}
        onChange={(v) => onChange({ ...search, source: (v as FeedbackSearch['source']) ?? undefined })}
        data-testid="feedback-filter-source"
      />
    </SimpleGrid>
  );
}
