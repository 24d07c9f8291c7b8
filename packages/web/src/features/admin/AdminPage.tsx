import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { NamingTab } from './naming/NamingTab.tsx';
import { SignInTab } from './sign-in/SignInTab.tsx';
import { SubsidiariesTab } from './subsidiaries/SubsidiariesTab.tsx';
import { TaxonomyTab } from './taxonomy/TaxonomyTab.tsx';
import { TemplatesTab } from './templates/TemplatesTab.tsx';
import { UsersTab } from './users/UsersTab.tsx';

const TABS = [
  { value: 'users', label: 'Users & roles', Panel: UsersTab },
  { value: 'subsidiaries', label: 'Subsidiaries', Panel: SubsidiariesTab },
  { value: 'taxonomy', label: 'Taxonomy', Panel: TaxonomyTab },
  { value: 'naming', label: 'Naming convention', Panel: NamingTab },
  { value: 'templates', label: 'Templates', Panel: TemplatesTab },
  { value: 'sign-in', label: 'Sign-in', Panel: SignInTab },
] as const;

type Props = { tab?: string; onTabChange?: (tab: string) => void };

/** The router owns the tab when it passes one (deep links); otherwise the page keeps it locally. */
export default function AdminPage({ tab, onTabChange }: Props) {
  const [localTab, setLocalTab] = useState<string>('users');
  const requested = tab ?? localTab;
  const active = TABS.some((t) => t.value === requested) ? requested : 'users';

  const change = (value: string | null) => {
    if (!value) return;
    setLocalTab(value);
    onTabChange?.(value);
  };

  return (
    <Stack>
      <Title order={2}>Administration</Title>
      <Tabs value={active} onChange={change} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`admin-tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
