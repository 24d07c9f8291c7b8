import { Select } from '@mantine/core';
import { useUsers } from './queries.ts';

type Props = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  subsidiary?: string;
  error?: string;
  'data-testid'?: string;
};

/** A searchable user select; lists the members of the subsidiary when one is given. */
export function PersonPicker({ label, value, onChange, subsidiary, error, ...rest }: Props) {
  const users = useUsers(subsidiary);
  const data = (users.data ?? [])
    .filter((u) => !u.disabled || u.id === value)
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  return (
    <Select
      label={label}
      placeholder={users.isPending ? 'Loading people…' : 'Nobody yet'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={users.isError ? 'Could not load people' : 'No match'}
      error={error}
      data-testid={rest['data-testid']}
    />
  );
}
