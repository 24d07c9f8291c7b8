// What a guest tester opens from their link, without signing in: the one session, its cases and their own results,
// run one at a time in the same runner members use. An expired or revoked link answers 401 on every request, and
// the page says so in words instead of showing a sign-in form the guest has no account for.
import { Box, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { guestTarget, type UatGuestView } from './api.ts';
import { CaseHeading } from './CaseHeading.tsx';
import { CaseRunner } from './CaseRunner.tsx';
import { CASE_STATUS_LABEL, notRunningReason } from './format.ts';
import { GuestFeedbackCard } from './GuestFeedbackCard.tsx';
import { uatKeys, useGuestView } from './queries.ts';
import { firstToRun, ownStatus } from './runner.ts';

const route = getRouteApi('/guest/uat/$token');

export type GuestRunnerSearch = { case?: string };

export function GuestRunnerPage() {
  const { token } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = useGuestView(token);
  const target = useMemo(() => guestTarget(token), [token]);
  const setCase = (caseKey: string | undefined) => void navigate({ search: { case: caseKey } });

  let body: ReactNode;
  if (view.isPending) body = <LoadingState label="Opening the test session…" />;
  else if (view.isError) body = <LinkRefused error={view.error} onRetry={() => void view.refetch()} />;
  else if (search.case)
    body = (
      <CaseRunner
        target={target}
        cases={view.data.cases}
        caseKey={search.case}
        onNavigate={setCase}
        onClose={() => setCase(undefined)}
        refresh={[uatKeys.guestView(token)]}
        canRun
        notRunning={notRunningReason(view.data.session.status, false)}
        ownResultsOnly
        bugKey={(key) => (
          <Text span ff="monospace" size="sm">
            {key}
          </Text>
        )}
      />
    );
  else
    body = (
      <Stack gap="lg">
        <GuestSession view={view.data} onRun={setCase} />
        <GuestFeedbackCard token={token} />
      </Stack>
    );

  return (
    <Box mih="100vh" bg="gray.0" data-testid="guest-page">
      <Box
        component="header"
        bg="white"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={800} c="indigo">
            PI Studio
          </Text>
          {view.data ? (
            <Text size="sm" c="dimmed" truncate="end" data-testid="guest-name-shown">
              Testing as {view.data.guestName}
            </Text>
          ) : null}
        </Group>
      </Box>
      <Container size="md" px="sm" py="md">
        {body}
      </Container>
    </Box>
  );
}

function GuestSession({ view, onRun }: { view: UatGuestView; onRun: (caseKey: string) => void }) {
  // The guest's own results, not the session's: what they have run and what is left for them.
  const cases = view.cases.map((c) => ({ ...c, status: ownStatus(c.key, view.runs) }));
  const start = firstToRun(cases);
  return (
    <Stack gap="md" data-testid="guest-session">
      <div>
        <Title order={2} className="uat-wrap">
          {view.session.title}
        </Title>
        <Text size="sm" c="dimmed">
          {view.productCode} · {view.session.key} · Build {view.session.buildVersion}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          This link works until {formatDateTime(view.expiresAt)}.
        </Text>
      </div>
      {view.session.status !== 'running' ? (
        <Text size="sm" c="dimmed" data-testid="guest-not-running">
          {notRunningReason(view.session.status, false)}
        </Text>
      ) : start ? (
        <Button size="lg" className="uat-tap" onClick={() => onRun(start)} data-testid="start-testing">
          Start testing
        </Button>
      ) : null}
      {view.cases.length === 0 ? (
        <EmptyState title="No test cases yet">The session has no cases to run yet; try again later.</EmptyState>
      ) : (
        <Stack gap={6} data-testid="case-list">
          {cases.map((c) => (
            <Card
              key={c.id}
              withBorder
              padding="xs"
              component="button"
              type="button"
              onClick={() => onRun(c.key)}
              className="uat-case-button"
              aria-label={`Run ${c.key}: ${c.title} (${CASE_STATUS_LABEL[c.status]})`}
              data-testid="case-row"
              data-key={c.key}
              data-status={c.status}
            >
              <CaseHeading item={c} />
            </Card>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        You see this session's cases and your own results. {view.runs.length ? `You recorded ${view.runs.length}.` : ''}
      </Text>
    </Stack>
  );
}

/** An expired or revoked link (401), a link that never existed (404 or a malformed token), or a failed request. */
function LinkRefused({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401 || status === 403 || status === 404 || status === 422 || status === 400)
    return (
      <Card withBorder padding="lg" data-testid="guest-refused" data-status={status}>
        <Stack gap="xs">
          <Title order={3}>This test link no longer works</Title>
          <Text size="sm">
            {status === 401
              ? 'The link has expired or was revoked.'
              : 'The link is not valid: check that it was copied in full.'}{' '}
            Ask the person who sent it to you for a new one.
          </Text>
        </Stack>
      </Card>
    );
  return <ErrorState error={error} onRetry={onRetry} />;
}
