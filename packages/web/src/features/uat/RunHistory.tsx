// A case's earlier results, newest first: who, when, run or retest, notes and screenshots (a guest sees only theirs).
import { Anchor, Card, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import type { UatRun } from './api.ts';
import { CASE_STATUS_LABEL, RUN_KIND_LABEL } from './format.ts';
import { CaseStatusBadge } from './UatBadges.tsx';

type Props = {
  runs: readonly UatRun[];
  screenshotUrl: (id: string) => string;
  /** A defect's bug key as a link to the backlog (members), or plain text (guests). */
  bugKey: (key: string) => ReactNode;
};

export function RunHistory({ runs, screenshotUrl, bugKey }: Props) {
  if (runs.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="no-runs">
        No results recorded yet.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="run-history">
      {runs.map((run) => (
        <Card key={run.id} withBorder padding="sm" data-testid="run" data-result={run.result}>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Group gap="xs">
              <CaseStatusBadge status={run.result} aria-label={CASE_STATUS_LABEL[run.result]} />
              <Text size="sm" fw={500}>
                {RUN_KIND_LABEL[run.kind]} by {run.testerName}
                {run.byGuest ? ' (guest)' : ''}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDateTime(run.createdAt)}
            </Text>
          </Group>
          {run.notes ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {run.notes}
            </Text>
          ) : null}
          {run.defectBugKey ? (
            <Text size="sm" mt={4}>
              Defect: {bugKey(run.defectBugKey)}
            </Text>
          ) : null}
          {run.screenshots.length ? (
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
              {run.screenshots.map((s) => (
                <Anchor key={s.id} href={screenshotUrl(s.id)} target="_blank" rel="noreferrer" title={s.fileName}>
                  <Image src={screenshotUrl(s.id)} alt={s.fileName} h={80} fit="cover" radius="sm" />
                </Anchor>
              ))}
            </SimpleGrid>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
