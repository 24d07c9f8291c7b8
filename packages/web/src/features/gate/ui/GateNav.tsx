// The gate's sections as tabs under one heading; each tab is its own route.
import { Group, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';

const SECTIONS = [
  { to: '/gate', label: 'Queue' },
  { to: '/gate/metrics', label: 'Metrics' },
  { to: '/gate/golden', label: 'Golden library' },
  { to: '/gate/rubrics', label: 'Rubrics' },
] as const;
type Section = (typeof SECTIONS)[number]['to'];

export function GateNav({
  current,
  description,
  actions,
}: {
  current: Section;
  description: string;
  actions?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <div>
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={2}>PRD quality gate</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {actions}
      </Group>
      <Tabs value={current} onChange={(v) => v && void navigate({ to: v as Section })}>
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.to} value={s.to} data-testid={`gate-tab-${s.label.split(' ')[0]?.toLowerCase()}`}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </div>
  );
}
