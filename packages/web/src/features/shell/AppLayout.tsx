import { ActionIcon, AppShell, Box, Burger, Button, Group, Kbd, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { SearchPalette } from '../search/SearchPalette.tsx';
import { canReadAudit } from './access.ts';
import { SubsidiarySwitcher } from './SubsidiarySwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useSession();
  const [navOpen, { toggle, close }] = useDisclosure();
  const path = useRouterState({ select: (s) => s.location.pathname });

  const nav = [
    {
      to: '/',
      label: 'Portfolio',
      active: path === '/' || path.startsWith('/products') || path.startsWith('/documents'),
    },
    { to: '/search', label: 'Search', active: path.startsWith('/search') },
    { to: '/gate', label: 'Gate', active: path.startsWith('/gate') },
    { to: '/handover/checkpoint', label: 'Handover', active: path.startsWith('/handover') },
    { to: '/reports/weekly-intake', label: 'Reports', active: path.startsWith('/reports') },
    ...(canReadAudit(me) ? [{ to: '/audit', label: 'Audit', active: path.startsWith('/audit') }] : []),
    ...(me.user.isAdmin ? [{ to: '/admin', label: 'Admin', active: path.startsWith('/admin') }] : []),
  ] as const;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 180, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text
              component={Link}
              to="/"
              fw={800}
              size="lg"
              c="indigo"
              style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
            >
              PI Studio
            </Text>
            {/* On a phone the switcher moves into the navigation drawer: the header keeps one line. */}
            <Box visibleFrom="sm">
              <SubsidiarySwitcher />
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              visibleFrom="sm"
              variant="default"
              size="sm"
              onClick={() => spotlight.open()}
              aria-label="Search documents"
              data-testid="open-search"
              rightSection={<Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} K</Kbd>}
            >
              Search
            </Button>
            <ActionIcon
              hiddenFrom="sm"
              variant="default"
              size="lg"
              onClick={() => spotlight.open()}
              aria-label="Search documents"
              data-testid="open-search-compact"
            >
              <SearchGlyph />
            </ActionIcon>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Box hiddenFrom="sm" mb="xs">
          <SubsidiarySwitcher w="100%" />
        </Box>
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={item.active}
            onClick={close}
            data-testid={`nav-${item.label.toLowerCase()}`}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <SearchPalette />
    </AppShell>
  );
}

/** A magnifying glass, drawn inline: the app ships no icon set. */
function SearchGlyph() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <circle cx={11} cy={11} r={7} />
      <path d="m20 20-3.5-3.5" strokeLinecap="round" />
    </svg>
  );
}
