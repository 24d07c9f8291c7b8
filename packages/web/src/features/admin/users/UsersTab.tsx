import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { User } from '@pi-studio/core/contract/workspace';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { confirmThen } from '../../../ui/confirm.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useSubsidiaries, useUsers } from '../queries.ts';
import { useUpdateUser } from '../use-update-user.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { MembershipsModal } from './MembershipsModal.tsx';
import { UsersTable } from './UsersTable.tsx';

export function UsersTab() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUsers(q);
  const subsidiaries = useSubsidiaries();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const codes = subsidiaries.data?.items.map((s) => s.code) ?? [];
  // Looked up from the live list so the modal shows memberships as saved, not as they were when opened.
  const editing = users.data?.items.find((u) => u.id === editingId) ?? null;

  const patch = (user: User, body: { isAdmin?: boolean; disabled?: boolean }, done: string) =>
    update.mutate(
      { id: user.id, ...body },
      { onSuccess: () => notifySuccess(done), onError: (err) => notifyError(err) },
    );

  const toggleAdmin = (user: User) =>
    confirmThen(
      {
        title: user.isAdmin ? 'Revoke administrator' : 'Make administrator',
        message: user.isAdmin
          ? `${user.email} will lose access to user management and to subsidiaries they are not a member of.`
          : `${user.email} will see every subsidiary and manage users, taxonomy and the naming convention.`,
        confirmLabel: user.isAdmin ? 'Revoke admin' : 'Make admin',
        danger: user.isAdmin,
      },
      () => patch(user, { isAdmin: !user.isAdmin }, `${user.email} updated`),
    );

  const toggleDisabled = (user: User) => {
    if (user.disabled) return patch(user, { disabled: false }, `${user.email} enabled`);
    confirmThen(
      {
        title: 'Disable user',
        message: `${user.email} will be signed out and can no longer sign in or use API tokens.`,
        confirmLabel: 'Disable',
        danger: true,
      },
      () => patch(user, { disabled: true }, `${user.email} disabled`),
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          placeholder="Search by name or email"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
          data-testid="users-search"
        />
        <Button onClick={() => setCreating(true)} data-testid="users-new">
          New user
        </Button>
      </Group>
      <QueryState
        query={users}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={q ? 'No user matches' : 'No users'}
        testId="users"
      >
        {(data) => (
          <UsersTable
            users={data.items}
            busyUserId={update.isPending ? (update.variables?.id ?? null) : null}
            onEditMemberships={(u) => setEditingId(u.id)}
            onToggleAdmin={toggleAdmin}
            onToggleDisabled={toggleDisabled}
          />
        )}
      </QueryState>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} subsidiaryCodes={codes} />
      <MembershipsModal user={editing} onClose={() => setEditingId(null)} subsidiaryCodes={codes} />
    </Stack>
  );
}
