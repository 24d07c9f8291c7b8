// The editor's side panel: score, verdict and one bar per criterion, recomputed as the author types.
import { Alert, Badge, Card, Divider, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { GateReport } from '@pi-studio/core/gate/types';
import { SEVERITY_ORDER, VERDICT_COLOR } from '../format.ts';
import { CriterionBars } from '../ui/CriterionBars.tsx';
import { SeverityBadge, VerdictBadge } from '../ui/VerdictBadge.tsx';

type Props = {
  report: GateReport | null;
  lastMs: number | null;
  error: string | null;
  rubricSource: 'server' | 'default';
  onJump: (line: number) => void;
};

const TOP_FINDINGS = 12;

export function LiveGatePanel({ report, lastMs, error, rubricSource, onJump }: Props) {
  if (error)
    return (
      <Alert color="red" title="The live gate stopped" data-testid="live-gate-error">
        {error}
      </Alert>
    );
  if (!report)
    return (
      <Card withBorder radius="md" data-testid="live-gate-panel">
        <Text size="sm" c="dimmed">
          Scoring…
        </Text>
      </Card>
    );
  const blockers = report.findings.filter((f) => f.severity === 'blocker').length;
  const top = [...report.findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line)
    .slice(0, TOP_FINDINGS);
  return (
    <Card withBorder radius="md" p="sm" data-testid="live-gate-panel" component="aside" aria-label="Live gate">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={5}>Live gate</Title>
          <Text size="xs" c="dimmed">
            {report.rubric.id} v{report.rubric.version}
            {rubricSource === 'default' ? ' (built-in)' : ''}
            {lastMs !== null ? ` · ${lastMs.toFixed(1)} ms` : ''}
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <Text
            fz={32}
            fw={800}
            lh={1}
            c={VERDICT_COLOR[report.verdict]}
            data-testid="live-gate-score"
            aria-label={`Score ${report.score} of 100`}
          >
            {report.score}
          </Text>
          <VerdictBadge verdict={report.verdict} data-testid="live-gate-verdict" />
        </Stack>
      </Group>
      <Text size="xs" c={VERDICT_COLOR[report.verdict]} mb="xs" data-testid="live-gate-why">
        {report.why}
      </Text>
      {blockers > 0 ? (
        <Badge color="red" variant="light" mb="xs" data-testid="live-gate-blockers">
          {blockers} blocker{blockers === 1 ? '' : 's'}
        </Badge>
      ) : null}
      <ScrollArea.Autosize mah="calc(60vh - 80px)" offsetScrollbars>
        <CriterionBars criteria={report.criteria} compact />
        <Divider my="sm" label={`${report.findings.length} findings`} labelPosition="left" />
        <Stack gap={4} data-testid="live-gate-findings">
          {top.map((f) => (
            <UnstyledButton
              key={`${f.rule}:${f.line}:${f.column}:${f.excerpt}`}
              onClick={() => onJump(f.line)}
              title={f.fix}
              data-testid="live-gate-finding"
            >
              <Group gap={6} wrap="nowrap" align="flex-start">
                <SeverityBadge severity={f.severity} />
                <Text size="xs" style={{ flex: 1 }}>
                  <Text span c="dimmed" size="xs">
                    L{f.line}
                  </Text>{' '}
                  {f.message}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
          {report.findings.length > TOP_FINDINGS ? (
            <Text size="xs" c="dimmed">
              …and {report.findings.length - TOP_FINDINGS} more (markers in the gutter).
            </Text>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );
}
