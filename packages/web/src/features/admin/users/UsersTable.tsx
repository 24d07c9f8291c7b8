import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { User } from '@pi-studio/core/contract/workspace';
import { membershipLabel } from '../../../lib/labels.ts';
import { ResetTwoStepButton } from '../sign-in/ResetTwoStepButton.tsx';

type Props = {
  users: User[];
  busyUserId: string | null;
  onEditMemberships: (user: User) => void;
  onToggleAdmin: (user: User) => void;
  onToggleDisabled: (user: User) => void;
};

export function UsersTable({ users, busyUserId, onEditMemberships, onToggleAdmin, onToggleDisabled }: Props) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th miw={80}>Admin</Table.Th>
            <Table.Th miw={90}>Status</Table.Th>
            <Table.Th>Memberships</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid={`user-row-${u.email}`}>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>{u.isAdmin ? <Badge color="grape">admin</Badge> : <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                {u.disabled ? <Badge color="red">disabled</Badge> : <Badge color="green">active</Badge>}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.memberships.length === 0 && <Text c="dimmed">none</Text>}
                  {u.memberships.map((m) => (
                    <Badge key={m.subsidiary} variant="light" tt="none">
                      {membershipLabel(m.subsidiary, m.role)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => onEditMemberships(u)}
                    data-testid="user-edit-memberships"
                  >
                    Memberships
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={busyUserId === u.id}
                    onClick={() => onToggleAdmin(u)}
                    data-testid="user-toggle-admin"
                  >
                    {u.isAdmin ? 'Revoke admin' : 'Make admin'}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={u.disabled ? 'green' : 'red'}
                    loading={busyUserId === u.id}
                    onClick={() => onToggleDisabled(u)}
                    data-testid="user-toggle-disabled"
                  >
                    {u.disabled ? 'Enable' : 'Disable'}
                  </Button>
                  <ResetTwoStepButton user={u} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
