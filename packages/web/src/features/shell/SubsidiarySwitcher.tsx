import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useSubsidiaries } from '../workspace/queries.ts';
import { useCurrentSubsidiary } from '../workspace/use-current-subsidiary.ts';

const ALL = '__all__';

/** All + the subsidiaries the server says this person can see (admins: every one). */
export function SubsidiarySwitcher({ w = 200 }: { w?: number | string }) {
  const [current, setCurrent] = useCurrentSubsidiary();
  const subsidiaries = useSubsidiaries();
  const items = subsidiaries.data ?? [];

  // A remembered subsidiary the person can no longer see would silently empty the board.
  useEffect(() => {
    if (current && subsidiaries.data && !subsidiaries.data.some((s) => s.code === current)) setCurrent('');
  }, [current, subsidiaries.data, setCurrent]);

  return (
    <Select
      aria-label="Subsidiary"
      data-testid="subsidiary-switcher"
      size="sm"
      w={w}
      value={current || ALL}
      onChange={(v) => setCurrent(!v || v === ALL ? '' : v)}
      allowDeselect={false}
      data={[
        { value: ALL, label: 'All subsidiaries' },
        ...items.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` })),
      ]}
      disabled={subsidiaries.isPending}
      error={subsidiaries.isError ? 'Could not load subsidiaries' : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
