// Who takes part in a session: members picked from the product's subsidiary, or anyone by name (a guest tester has
// no account), each with what they do (tester, product owner…).
import { Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { UAT_LIMITS } from '@pi-studio/core/contract/uat';
import { useState } from 'react';
import { useUsers } from '../workspace/queries.ts';

export type Participant = { name: string; userId: string | null; role: string };

/** A person is named once: by their account, or (without one) by their name in any case. */
const keyOf = (p: Participant) => p.userId ?? `name:${p.name.toLowerCase()}`;

type Props = { value: Participant[]; onChange: (next: Participant[]) => void; subsidiary: string; error?: string };

export function ParticipantsField({ value, onChange, subsidiary, error }: Props) {
  const users = useUsers(subsidiary);
  const [name, setName] = useState('');
  const taken = new Set(value.map((p) => p.userId).filter(Boolean));
  const members = (users.data ?? [])
    .filter((u) => !u.disabled && !taken.has(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const full = value.length >= UAT_LIMITS.participants;

  const add = (p: Participant) => {
    if (!value.some((q) => keyOf(q) === keyOf(p))) onChange([...value, p]);
  };
  const update = (i: number, role: string) => onChange(value.map((p, j) => (j === i ? { ...p, role } : p)));

  return (
    <Stack gap="xs" data-testid="participants">
      <Text size="sm" fw={500}>
        Participants
      </Text>
      {value.map((p, i) => (
        <Group key={keyOf(p)} gap="xs" wrap="nowrap" data-testid="participant">
          <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
            {p.name}
            {p.userId ? '' : ' (no account)'}
          </Text>
          <TextInput
            aria-label={`What ${p.name} does`}
            value={p.role}
            onChange={(e) => update(i, e.currentTarget.value)}
            w={130}
            maxLength={UAT_LIMITS.role}
          />
          <CloseButton
            size="lg"
            className="uat-tap-icon"
            aria-label={`Remove ${p.name}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </Group>
      ))}
      <Select
        aria-label="Add a member"
        placeholder={users.isPending ? 'Loading people…' : 'Add a member…'}
        data={members}
        value={null}
        searchable
        disabled={full}
        nothingFoundMessage={users.isError ? 'Could not load people' : 'No match'}
        onChange={(id) => {
          const user = users.data?.find((u) => u.id === id);
          if (user) add({ name: user.name, userId: user.id, role: 'Tester' });
        }}
        data-testid="participant-member"
      />
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          aria-label="Someone without an account"
          placeholder="Someone without an account"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={UAT_LIMITS.name}
          style={{ flex: 1 }}
          data-testid="participant-name"
        />
        <Button
          variant="default"
          disabled={!name.trim() || full}
          onClick={() => {
            add({ name: name.trim(), userId: null, role: 'Tester' });
            setName('');
          }}
          data-testid="participant-add"
        >
          Add
        </Button>
      </Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
