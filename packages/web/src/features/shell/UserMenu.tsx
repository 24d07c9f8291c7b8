import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { initials } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { useSession } from '../auth/session.tsx';
import { useLogout } from '../auth/use-logout.ts';
import { canReadAudit } from './access.ts';

export function UserMenu() {
  const me = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.user.name}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo">
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" visibleFrom="sm" maw={160} truncate>
              {me.user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item onClick={() => void navigate({ to: '/account' })}>Account and API tokens</Menu.Item>
        {me.user.isAdmin ? <Menu.Item onClick={() => void navigate({ to: '/admin' })}>Administration</Menu.Item> : null}
        {canReadAudit(me) ? <Menu.Item onClick={() => void navigate({ to: '/audit' })}>Audit log</Menu.Item> : null}
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onError: (err) => notifyError(err, 'Sign-out failed') })}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
