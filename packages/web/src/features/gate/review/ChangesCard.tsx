// On a resubmission: which findings the author fixed, which are new and which remain since the last review.
import { Badge, Card, Group, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { ruleLabel } from '../../../lib/labels.ts';
import { AnchorLink } from '../../../ui/Links.tsx';
import type { Finding, ReviewChanges } from '../api.ts';
import { SeverityBadge } from '../ui/VerdictBadge.tsx';

const KINDS = [
  { key: 'fixed', label: 'Fixed', color: 'green' },
  { key: 'new', label: 'New', color: 'red' },
  { key: 'remaining', label: 'Remaining', color: 'gray' },
] as const;

export function ChangesCard({
  changes,
  previousReviewId,
}: {
  changes: ReviewChanges;
  previousReviewId: string | null;
}) {
  const first = KINDS.find((k) => changes[k.key].length > 0)?.key ?? 'fixed';
  return (
    <Card withBorder radius="md" data-testid="changes-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Changes since the last review</Title>
        {previousReviewId ? (
          <AnchorLink to="/gate/reviews/$id" params={{ id: previousReviewId }} size="sm">
            Previous review
          </AnchorLink>
        ) : null}
      </Group>
      <Tabs defaultValue={first}>
        <Tabs.List>
          {KINDS.map((k) => (
            <Tabs.Tab
              key={k.key}
              value={k.key}
              rightSection={
                <Badge size="sm" color={k.color} variant="light" data-testid={`changes-${k.key}`}>
                  {changes[k.key].length}
                </Badge>
              }
            >
              {k.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {KINDS.map((k) => (
          <Tabs.Panel key={k.key} value={k.key} pt="xs">
            <ChangeList findings={changes[k.key]} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}

function ChangeList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None.
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Stack gap={4}>
        {findings.map((f) => (
          <Group key={`${f.rule}:${f.line}:${f.excerpt}`} gap="xs" wrap="nowrap" align="flex-start">
            <SeverityBadge severity={f.severity} />
            <Text size="sm" style={{ flex: 1 }}>
              <Text span size="xs" c="dimmed" title={f.rule}>
                {ruleLabel(f.rule)}:
              </Text>{' '}
              {f.message}
            </Text>
          </Group>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
