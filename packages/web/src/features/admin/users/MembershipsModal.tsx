import { Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import type { Role } from '@pi-studio/core/access/roles';
import type { Membership, User } from '@pi-studio/core/contract/workspace';
import { useState } from 'react';
import { ROLE_OPTIONS, roleLabel } from '../../../lib/labels.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { confirmThen } from '../../../ui/confirm.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { useSetMemberships } from '../use-set-memberships.ts';

type Props = { user: User | null; onClose: () => void; subsidiaryCodes: string[] };

/** Each change is saved at once: the server replaces the user's whole membership list. */
export function MembershipsModal({ user, onClose, subsidiaryCodes }: Props) {
  const save = useSetMemberships();
  const [newSubsidiary, setNewSubsidiary] = useState<string | null>(null);
  const [newRole, setNewRole] = useState<string | null>('viewer');
  const memberships = user?.memberships ?? [];
  const free = subsidiaryCodes.filter((c) => !memberships.some((m) => m.subsidiary === c));

  const put = (next: Membership[], message: string, after?: () => void) => {
    if (!user) return;
    save.mutate(
      { userId: user.id, memberships: next },
      {
        onSuccess: () => {
          notifySuccess(message);
          after?.();
        },
      },
    );
  };

  const changeRole = (subsidiary: string, role: string | null) => {
    if (!role) return;
    const next = memberships.map((m) => (m.subsidiary === subsidiary ? { ...m, role: role as Role } : m));
    put(next, `${subsidiary} role set to ${roleLabel(role)}`);
  };

  const remove = (m: Membership) =>
    confirmThen(
      {
        title: 'Remove membership',
        message: `Remove ${user?.email} from ${m.subsidiary} (${roleLabel(m.role)})? They lose access to its products.`,
        confirmLabel: 'Remove',
        danger: true,
      },
      () =>
        put(
          memberships.filter((x) => x.subsidiary !== m.subsidiary),
          `Removed from ${m.subsidiary}`,
        ),
    );

  const add = () => {
    if (!newSubsidiary || !newRole) return;
    put([...memberships, { subsidiary: newSubsidiary, role: newRole as Role }], `Added to ${newSubsidiary}`, () =>
      setNewSubsidiary(null),
    );
  };

  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Modal opened={user !== null} onClose={close} title={`Memberships of ${user?.email ?? ''}`} size="lg">
      <Stack>
        <FormError error={save.error} testId="memberships-error" />
        {memberships.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="memberships-empty">
            No memberships: this user sees no subsidiary{user?.isAdmin ? ' (except as administrator)' : ''}.
          </Text>
        ) : (
          <Table data-testid="memberships-table">
            <Table.Tbody>
              {memberships.map((m) => (
                <Table.Tr key={m.subsidiary}>
                  <Table.Td>{m.subsidiary}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={ROLE_OPTIONS}
                      value={m.role}
                      allowDeselect={false}
                      onChange={(role) => changeRole(m.subsidiary, role)}
                      disabled={save.isPending}
                      aria-label={`Role in ${m.subsidiary}`}
                      data-testid={`membership-role-${m.subsidiary}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      color="red"
                      variant="light"
                      onClick={() => remove(m)}
                      disabled={save.isPending}
                      data-testid={`membership-remove-${m.subsidiary}`}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs" align="flex-end">
          <Select
            label="Add to subsidiary"
            size="xs"
            placeholder={free.length ? 'Subsidiary' : 'All subsidiaries taken'}
            data={free}
            value={newSubsidiary}
            onChange={setNewSubsidiary}
            data-testid="membership-add-subsidiary"
          />
          <Select
            label="Role"
            size="xs"
            data={ROLE_OPTIONS}
            value={newRole}
            onChange={setNewRole}
            data-testid="membership-add-role"
          />
          <Button
            size="xs"
            onClick={add}
            disabled={!newSubsidiary || !newRole}
            loading={save.isPending}
            data-testid="membership-add"
          >
            Add
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
