// A story's checks in the gate's finding format: severity, the rule in words, the field and line it points at (a
// button that moves the focus there), the message, the excerpt and the fix.
import { Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { SeverityBadge } from '../gate/ui/VerdictBadge.tsx';
import type { StoryFinding } from './api.ts';
import { FIELD_LABEL, findingsSummary, sortFindings, storyRuleLabel } from './story-checks.ts';

type Props = {
  findings: readonly StoryFinding[];
  /** Where the findings come from, in words ("Checked as you type", "The server's check of revision 3"). */
  source: string;
  onGoTo: (field: string) => void;
};

export function StoryChecksCard({ findings, source, onGoTo }: Props) {
  const sorted = sortFindings(findings);
  return (
    <Card
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-label="Story checks"
      data-testid="story-checks"
      data-count={findings.length}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Text fw={600} size="sm">
          Story checks
        </Text>
        <Text size="xs" c="dimmed" data-testid="story-checks-source">
          {source}
        </Text>
      </Group>
      <Text size="sm" c={findings.length === 0 ? 'teal.8' : undefined} data-testid="story-checks-summary">
        {findingsSummary(findings)}
      </Text>
      <Stack gap={0}>
        {sorted.map((f) => (
          <Stack
            key={`${f.rule}:${f.section}:${f.line}:${f.column}`}
            gap={4}
            py="xs"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="story-finding"
            data-rule={f.rule}
            data-severity={f.severity}
          >
            <Group gap="xs" wrap="wrap">
              <SeverityBadge severity={f.severity} />
              <Text size="xs" c="dimmed" title={f.rule} data-testid="finding-rule">
                {storyRuleLabel(f.rule)}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onGoTo(f.section)} data-testid="finding-field">
                {FIELD_LABEL[f.section] ?? f.section}
                {f.section === 'requirements' ? '' : `, line ${f.line}`}
              </Button>
            </Group>
            <Text size="sm">{f.message}</Text>
            {f.excerpt && f.section !== 'requirements' ? (
              <Code block style={{ whiteSpace: 'pre-wrap' }}>
                {f.excerpt}
              </Code>
            ) : null}
            <Text size="sm" c="indigo.8" data-testid="finding-fix">
              <Text span fw={600} size="sm">
                Fix:{' '}
              </Text>
              {f.fix}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
