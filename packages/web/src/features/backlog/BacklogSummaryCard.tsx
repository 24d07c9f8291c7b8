// The backlog in a few words on the product page: coverage (requirements with a story out of those in the PRD),
// stories and bugs by status, what needs attention (drift, change requests, gaps), the running sprint, and whether
// the product may move from build to UAT — with the button for it when it may.
import { Alert, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { STORY_STATUSES } from '@pi-studio/core/contract/backlog';
import type { Stage } from '@pi-studio/core/workspace/stages';
import { errorMessage } from '../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ButtonLink } from '../../ui/Links.tsx';
import { plural, STORY_STATUS_LABEL, summaryCoverage } from './format.ts';
import { useRequirements } from './queries.ts';
import type { BacklogSummary } from './summary/api.ts';
import { activeSprintLine, attentionLine } from './summary/format.ts';
import { useBacklogSummary, useMoveToUat } from './summary/queries.ts';

type Props = { code: string; stage: Stage; canMove: boolean };

export function BacklogSummaryCard({ code, stage, canMove }: Props) {
  const requirements = useRequirements(code);
  const summary = useBacklogSummary(code);
  return (
    <Card withBorder radius="md" component="section" aria-label="Backlog" data-testid="backlog-summary">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Backlog</Title>
        <Group gap={6}>
          <ButtonLink
            to="/products/$code/feedback"
            params={{ code }}
            size="compact-sm"
            variant="subtle"
            data-testid="open-feedback"
          >
            Feedback
          </ButtonLink>
          <ButtonLink
            to="/products/$code/backlog"
            params={{ code }}
            size="compact-sm"
            variant="light"
            data-testid="open-backlog"
          >
            Open backlog
          </ButtonLink>
        </Group>
      </Group>
      <Stack gap={6}>
        {requirements.isError || summary.isError ? (
          <Text size="sm" c="red" data-testid="backlog-summary-error">
            The backlog could not be read: {errorMessage(requirements.error ?? summary.error)}
          </Text>
        ) : requirements.isPending || summary.isPending ? (
          <Skeleton h={48} aria-label="Loading the backlog summary" />
        ) : (
          <>
            <Text size="sm" data-testid="backlog-summary-coverage">
              {summaryCoverage(requirements.data)}
            </Text>
            <Counts summary={summary.data} />
            <Facts summary={summary.data} />
            {stage === 'build' ? <UatReadiness code={code} summary={summary.data} canMove={canMove} /> : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Counts({ summary: s }: { summary: BacklogSummary }) {
  const total = s.stories.total + s.bugs.total;
  return (
    <>
      <Text size="sm" data-testid="backlog-summary-total">
        {total === 0 ? 'No stories or bugs yet.' : `${plural(total, 'story or bug', 'stories and bugs')}:`}
      </Text>
      {total > 0 ? (
        <Group gap="md" data-testid="backlog-summary-statuses">
          {STORY_STATUSES.map((status) => (
            <Text size="sm" key={status} data-status={status}>
              <Text span c="dimmed" size="sm">
                {STORY_STATUS_LABEL[status]}
              </Text>{' '}
              <Text span fw={600} size="sm">
                {s.stories[status] + s.bugs[status]}
              </Text>
            </Text>
          ))}
        </Group>
      ) : null}
    </>
  );
}

function Facts({ summary: s }: { summary: BacklogSummary }) {
  const attention = attentionLine(s);
  const sprint = activeSprintLine(s);
  return (
    <>
      {sprint ? (
        <Text size="sm" data-testid="backlog-summary-sprint">
          {sprint}
        </Text>
      ) : null}
      {attention ? (
        <Text size="sm" c="orange.8" data-testid="backlog-summary-attention">
          {attention}
        </Text>
      ) : null}
    </>
  );
}

function UatReadiness({ code, summary: s, canMove }: { code: string; summary: BacklogSummary; canMove: boolean }) {
  const move = useMoveToUat(code);
  const { ready, reason } = s.uatReadiness;
  return (
    <Alert
      color={ready ? 'green' : 'gray'}
      variant="light"
      p="xs"
      title={ready ? 'Ready for UAT' : 'Not ready for UAT yet'}
      data-testid="uat-readiness"
      data-ready={ready}
    >
      <Stack gap={6}>
        <Text size="xs">{reason.charAt(0).toUpperCase() + reason.slice(1)}</Text>
        {ready && canMove ? (
          <ConfirmButton
            size="xs"
            loading={move.isPending}
            confirm={{
              title: 'Move to UAT?',
              message:
                'The product moves from Build to UAT. User acceptance testing starts from the stories built; the move is recorded in the audit log.',
              confirmLabel: 'Move to UAT',
            }}
            onConfirm={() =>
              move.mutate(undefined, {
                onSuccess: () => notifySuccess(`${code} is now in UAT.`, 'Stage moved'),
                onError: (err) => notifyError(err, 'Not moved to UAT'),
              })
            }
            data-testid="move-to-uat"
          >
            Move to UAT
          </ConfirmButton>
        ) : null}
      </Stack>
    </Alert>
  );
}
