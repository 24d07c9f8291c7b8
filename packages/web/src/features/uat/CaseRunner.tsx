// One case at a time, for a tester on a laptop or a phone: its title and steps, three big result buttons, notes,
// screenshots, the earlier results, and previous / next. A case whose defect is fixed is run as a retest: a pass
// verifies the fix, a fail reopens it. Members and guests use the same runner through a RunnerTarget.
import { Alert, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { UAT_LIMITS, UAT_RESULTS, type UatResult } from '@pi-studio/core/contract/uat';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { ErrorState } from '../../ui/States.tsx';
import type { RunnerTarget, UatCase } from './api.ts';
import { CASE_STATUS_LABEL, DEFECT_STATE_LABEL, RESULT_LABEL } from './format.ts';
import { useCaseDetail } from './queries.ts';
import { RunHistory } from './RunHistory.tsx';
import { defectToRetest, ownStatus, positionOf } from './runner.ts';
import { ScreenshotPicker } from './ScreenshotPicker.tsx';
import type { CheckedScreenshot } from './screenshot-check.ts';
import { CaseStatusBadge, DefectStateBadge } from './UatBadges.tsx';
import { type RecordRunResult, useRecordRun } from './use-record-run.ts';

const RESULT_COLOR: Record<UatResult, string> = { pass: 'green', fail: 'red', blocked: 'orange' };

type Props = {
  target: RunnerTarget;
  /** The session's cases in order, for "2 of 5" and previous / next. */
  cases: readonly UatCase[];
  caseKey: string;
  onNavigate: (caseKey: string) => void;
  onClose: () => void;
  /** Lists a recorded result changes besides the runner's own (counts, defects, a guest's page). */
  refresh: readonly (readonly unknown[])[];
  /** False for someone who may read but not run: the buttons are not offered. */
  canRun: boolean;
  /** Why results cannot be recorded now (a session not started yet, or closed); null while it runs. */
  notRunning: string | null;
  bugKey: (key: string) => ReactNode;
  /** A guest's runner: the case's chip is the tester's own latest result (their runs are all they see). */
  ownResultsOnly?: boolean;
};

export function CaseRunner(props: Props) {
  const { target, cases, caseKey, onNavigate, onClose } = props;
  const detail = useCaseDetail(target, caseKey);
  const position = positionOf(cases, caseKey);

  return (
    <Stack gap="md" data-testid="case-runner" data-case={caseKey}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Button variant="subtle" onClick={onClose} className="uat-tap" px="xs" data-testid="runner-close">
          ← All cases
        </Button>
        {position ? (
          <Text size="sm" c="dimmed" data-testid="runner-position">
            Case {position.index + 1} of {position.total}
          </Text>
        ) : null}
      </Group>
      {detail.isPending ? (
        <Group justify="center" py="xl">
          <Loader size="sm" aria-label="Loading the case" />
        </Group>
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        // Keyed by case: notes and screenshots typed for one case never carry over to the next.
        <CaseForm key={caseKey} {...props} detail={detail.data} />
      )}
      {position ? (
        <SimpleGrid cols={2} spacing="sm">
          <Button
            variant="default"
            className="uat-tap"
            disabled={!position.prev}
            onClick={() => position.prev && onNavigate(position.prev)}
            data-testid="runner-prev"
          >
            ← Previous
          </Button>
          <Button
            variant="default"
            className="uat-tap"
            disabled={!position.next}
            onClick={() => position.next && onNavigate(position.next)}
            data-testid="runner-next"
          >
            Next →
          </Button>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

function CaseForm({
  target,
  detail,
  refresh,
  canRun,
  notRunning,
  bugKey,
  ownResultsOnly,
}: Props & { detail: NonNullable<ReturnType<typeof useCaseDetail>['data']> }) {
  const { case: c, runs, defects } = detail;
  const [notes, setNotes] = useState('');
  const [screenshots, setScreenshots] = useState<CheckedScreenshot[]>([]);
  const [recorded, setRecorded] = useState<RecordRunResult | null>(null);
  const record = useRecordRun(target, refresh);
  const retest = defectToRetest(detail);

  const submit = (result: UatResult) => {
    record.mutate(
      { caseKey: c.key, body: { result, notes: notes.trim(), kind: retest ? 'retest' : 'run' }, screenshots },
      {
        onSuccess: (done) => {
          setRecorded(done);
          setNotes('');
          setScreenshots([]);
          notifySuccess(`${c.key}: ${CASE_STATUS_LABEL[result]}`, 'Result recorded');
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Group gap="xs" mb={4}>
          <Text size="sm" c="dimmed" ff="monospace">
            {c.key}
          </Text>
          <CaseStatusBadge status={ownResultsOnly ? ownStatus(c.key, runs) : c.status} />
          {c.storyKey ? (
            <Text size="xs" c="dimmed">
              from {c.storyKey}
            </Text>
          ) : null}
        </Group>
        <Title order={3} className="uat-wrap" data-testid="runner-title">
          {c.title}
        </Title>
      </div>

      {retest ? (
        <Alert color="blue" variant="light" title="Retest" data-testid="retest-banner">
          {retest.bugKey} is fixed. Pass verifies the fix; Fail reopens the defect.
        </Alert>
      ) : null}

      <Card withBorder padding="sm">
        <List type="ordered" spacing={6} data-testid="runner-steps" className="uat-wrap">
          {c.steps.map((s, i) => (
            // Steps never move within a case revision, so their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <List.Item key={i}>
              <Text size="sm">
                {s.keyword === '*' ? null : (
                  <Text span fw={700} size="sm">
                    {s.keyword}{' '}
                  </Text>
                )}
                {s.text}
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>

      {canRun && notRunning ? (
        <Alert color="gray" variant="light" data-testid="runner-not-running">
          {notRunning}
        </Alert>
      ) : null}
      {canRun && !notRunning ? (
        <Stack gap="sm">
          <Textarea
            label="Notes"
            placeholder="What you did and what you saw"
            autosize
            minRows={2}
            maxLength={UAT_LIMITS.notes}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            disabled={record.isPending}
            data-testid="runner-notes"
          />
          <ScreenshotPicker value={screenshots} onChange={setScreenshots} disabled={record.isPending} />
          {record.error ? (
            <Alert color="red" variant="light" data-testid="runner-error">
              {errorMessage(record.error)}
            </Alert>
          ) : null}
          <SimpleGrid cols={3} spacing="sm">
            {UAT_RESULTS.map((result) => (
              <Button
                key={result}
                color={RESULT_COLOR[result]}
                size="lg"
                className="uat-result"
                loading={record.isPending && record.variables?.body.result === result}
                disabled={record.isPending}
                onClick={() => submit(result)}
                data-testid={`result-${result}`}
              >
                {RESULT_LABEL[result]}
              </Button>
            ))}
          </SimpleGrid>
          {recorded ? <RecordedNote recorded={recorded} bugKey={bugKey} /> : null}
        </Stack>
      ) : null}

      {defects.length ? (
        <Stack gap={6} data-testid="case-defects">
          <Title order={5}>Defects</Title>
          {defects.map((d) => (
            <Group key={d.id} gap="xs" wrap="wrap">
              {bugKey(d.bugKey)}
              <DefectStateBadge state={d.state} />
            </Group>
          ))}
        </Stack>
      ) : null}

      <Stack gap={6}>
        <Title order={5}>Earlier results</Title>
        <RunHistory runs={runs} screenshotUrl={target.screenshotUrl} bugKey={bugKey} />
      </Stack>
    </Stack>
  );
}

/** What the last result did: the defect a failure raised, or the state a retest left it in. */
function RecordedNote({ recorded, bugKey }: { recorded: RecordRunResult; bugKey: (key: string) => ReactNode }) {
  const { run, defect, uploaded } = recorded;
  const shots = uploaded.length ? ` with ${uploaded.length} screenshot${uploaded.length === 1 ? '' : 's'}` : '';
  return (
    <Alert color={RESULT_COLOR[run.result]} variant="light" data-testid="runner-recorded">
      <Text size="sm">
        Recorded: {CASE_STATUS_LABEL[run.result]}
        {shots}.
      </Text>
      {defect ? (
        <Text size="sm" data-testid="runner-defect">
          Defect {bugKey(defect.bugKey)}: {DEFECT_STATE_LABEL[defect.state]}.
        </Text>
      ) : null}
    </Alert>
  );
}
