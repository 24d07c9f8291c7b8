// The PRD's analytics section against the plan: events the PRD names that the plan lacks (with the PRD line), and
// live planned events the PRD never names. Without a PRD or without an analytics section, it says so.
import { Alert, Card, Code, List, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '../../ui/QueryState.tsx';
import type { PrdPlanCheck } from './api.ts';
import { prdCheckNote } from './plan-form.ts';
import { usePrdCheck } from './queries.ts';

export function PrdCheckPanel({ code }: { code: string }) {
  const check = usePrdCheck(code);
  return (
    <Card withBorder radius="md" component="section" aria-label="PRD check" data-testid="prd-check">
      <Title order={4} mb="xs">
        PRD check
      </Title>
      <QueryState query={check} testId="prd-check">
        {(c) => <PrdCheckBody check={c} />}
      </QueryState>
    </Card>
  );
}

function PrdCheckBody({ check }: { check: PrdPlanCheck }) {
  const note = prdCheckNote(check);
  if (note || !check.prd) {
    return (
      <Alert color="gray" variant="light" data-testid="prd-check-none">
        {note}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Compared with PRD version {check.prd.version}: it names {check.named.length}{' '}
        {check.named.length === 1 ? 'event' : 'events'} in its analytics section.
      </Text>
      <Stack gap={4} data-testid="prd-not-planned">
        <Text size="sm" fw={600}>
          Named in the PRD, missing from the plan
        </Text>
        {check.notPlanned.length ? (
          <List size="sm">
            {check.notPlanned.map((e) => (
              <List.Item key={e.name}>
                <Code>{e.name}</Code>{' '}
                <Text span size="sm" c="dimmed">
                  — PRD line {e.line}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            None: every event the PRD names is planned and live.
          </Text>
        )}
      </Stack>
      <Stack gap={4} data-testid="prd-not-in-prd">
        <Text size="sm" fw={600}>
          Live in the plan, never named by the PRD
        </Text>
        {check.notInPrd.length ? (
          <List size="sm">
            {check.notInPrd.map((name) => (
              <List.Item key={name}>
                <Code>{name}</Code>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            None: the PRD names every live event.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
