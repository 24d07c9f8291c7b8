// Where a product stands at the gate, on its page (a card) and on the portfolio board (one line): the last verdict
// in words, the score, the conditions still open and, while a review waits, for how many days. The API sends
// timestamps (its answers are cached), so the days are counted here.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ProductGate } from '@pi-studio/core/contract/products';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../ui/Links.tsx';
import { ageColor, daysLabel, daysWaiting, overruledLabel, VERDICT_LABEL } from './format.ts';
import { VerdictBadge } from './ui/VerdictBadge.tsx';

const conditionsLabel = (n: number) => (n === 1 ? '1 open condition' : `${n} open conditions`);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

export function GateStatusCard({ gate, now = new Date() }: { gate: ProductGate | null; now?: Date }) {
  const days = gate?.waitingSince ? daysWaiting(gate.waitingSince, now) : null;
  const overrule = gate ? overruledLabel(gate) : null;
  return (
    <Card withBorder radius="md" component="section" aria-label="Quality gate" data-testid="gate-status">
      <Title order={5} mb="xs">
        Quality gate
      </Title>
      {gate === null ? (
        <Text size="sm" c="dimmed" data-testid="gate-status-none">
          No PRD submitted yet.
        </Text>
      ) : (
        <Stack gap={6}>
          <Row label="Last verdict">
            {gate.verdict ? (
              <VerdictBadge verdict={gate.verdict} size="sm" data-testid="gate-status-verdict" />
            ) : (
              <Text size="sm" data-testid="gate-status-verdict">
                None yet
              </Text>
            )}
          </Row>
          {overrule ? (
            <Text size="xs" c="dimmed" ta="right" data-testid="gate-status-overruled">
              {overrule}
            </Text>
          ) : null}
          <Row label={days === null ? 'Score' : 'Score (not reviewed yet)'}>
            <Text size="sm" fw={600} data-testid="gate-status-score">
              {gate.score}/100
            </Text>
          </Row>
          <Row label="Open conditions">
            <Text size="sm" data-testid="gate-status-conditions">
              {gate.openConditions}
            </Text>
          </Row>
          {days !== null ? (
            <Row label="Waiting for review">
              <Badge variant="light" color={ageColor(days * 24)} data-testid="gate-status-waiting">
                {daysLabel(days)}
              </Badge>
            </Row>
          ) : null}
          <AnchorLink to="/gate/reviews/$id" params={{ id: gate.reviewId }} size="sm" data-testid="gate-status-review">
            Open the latest review
          </AnchorLink>
        </Stack>
      )}
    </Card>
  );
}

/** The board card's line: "Pass · 84 · 2 open conditions · waiting 3 days". */
export function GateStatusLine({ gate, now = new Date() }: { gate: ProductGate | null; now?: Date }) {
  if (!gate) return null;
  const parts = [`score ${gate.score}`];
  if (overruledLabel(gate) && gate.engineVerdict) parts.push(`engine: ${VERDICT_LABEL[gate.engineVerdict]}`);
  if (gate.openConditions > 0) parts.push(conditionsLabel(gate.openConditions));
  if (gate.waitingSince) parts.push(`waiting ${daysLabel(daysWaiting(gate.waitingSince, now))}`);
  return (
    <Group gap={6} mt={6} wrap="nowrap" align="flex-start" data-testid="card-gate-status">
      {/* The verdict keeps its width on a narrow card; the details wrap to a second line instead. */}
      {gate.verdict ? (
        <VerdictBadge verdict={gate.verdict} size="xs" style={{ flexShrink: 0 }} />
      ) : (
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
          No verdict
        </Badge>
      )}
      <Text size="xs" c="dimmed" lineClamp={2}>
        {parts.join(' · ')}
      </Text>
    </Group>
  );
}
