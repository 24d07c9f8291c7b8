import { Button, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import type { Role } from '@pi-studio/core/access/roles';
import type { Membership } from '@pi-studio/core/contract/workspace';
import { useState } from 'react';
import { ROLE_OPTIONS, roleLabel } from '../../../lib/labels.ts';

type Props = {
  value: Membership[];
  onChange: (next: Membership[]) => void;
  subsidiaryCodes: string[];
  error?: string;
};

/** Memberships of a user not created yet: edited locally, sent with the create request. */
export function MembershipListInput({ value, onChange, subsidiaryCodes, error }: Props) {
  const [subsidiary, setSubsidiary] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('viewer');
  const free = subsidiaryCodes.filter((c) => !value.some((m) => m.subsidiary === c));

  const add = () => {
    if (!subsidiary || !role) return;
    onChange([...value, { subsidiary, role: role as Role }]);
    setSubsidiary(null);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Memberships
      </Text>
      {value.map((m) => (
        <Group key={m.subsidiary} gap="xs">
          <Text size="sm" w={80}>
            {m.subsidiary}
          </Text>
          <Text size="sm">{roleLabel(m.role)}</Text>
          <CloseButton
            size="sm"
            aria-label={`Remove ${m.subsidiary}`}
            onClick={() => onChange(value.filter((x) => x.subsidiary !== m.subsidiary))}
          />
        </Group>
      ))}
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          placeholder="Subsidiary"
          data={free}
          value={subsidiary}
          onChange={setSubsidiary}
          data-testid="new-user-membership-subsidiary"
        />
        <Select size="xs" data={ROLE_OPTIONS} value={role} onChange={setRole} data-testid="new-user-membership-role" />
        <Button size="xs" variant="default" onClick={add} disabled={!subsidiary || !role}>
          Add
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
