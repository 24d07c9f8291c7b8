// One UAT session: what it tests (build, sprint, participants) and how far it got, its cases with their results,
// the defects its failures raised, and its guest links. `?case=<key>` in the address opens the runner on that case,
// so a tester's place survives a reload and previous / next are the browser's back and forward too.
import { Anchor, Breadcrumbs, Group, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { reportUrl } from '../signoff/api.ts';
import { canManageUat, canRunUat } from './access.ts';
import { memberTarget, type UatSession } from './api.ts';
import { BugLink } from './BugLink.tsx';
import { CaseRunner } from './CaseRunner.tsx';
import { CasesSection } from './CasesSection.tsx';
import { DefectsSection } from './DefectsSection.tsx';
import { countsLine, notRunningReason, plural, progressPercent } from './format.ts';
import { GuestLinksSection } from './GuestLinksSection.tsx';
import { uatKeys, useUatCases, useUatSession } from './queries.ts';
import { SessionStatusBadge } from './UatBadges.tsx';
import { useCloseSession } from './use-close-session.ts';
import { useStartSession } from './use-start-session.ts';

const route = getRouteApi('/products/$code/uat/$key');

export type UatSessionSearch = { case?: string; tab?: 'cases' | 'defects' | 'guests' };

export function UatSessionPage() {
  const { code, key } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const product = useProduct(code);
  const session = useUatSession(code, key);
  const cases = useUatCases(code, key);

  if (product.isPending || session.isPending) return <LoadingState label="Loading the session…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const sub = product.data.product.subsidiary.code;
  const s = session.data;
  const canManage = canManageUat(me, sub);
  const canRun = canRunUat(me, sub);
  const setSearch = (next: UatSessionSearch, replace = false) => void navigate({ search: next, replace });
  const run = (caseKey: string) => setSearch({ ...search, case: caseKey });

  return (
    <Stack gap="md" data-testid="uat-session-page">
      <Breadcrumbs className="uat-crumbs">
        <AnchorLink to="/products/$code" params={{ code }} size="sm">
          {code}
        </AnchorLink>
        <AnchorLink to="/products/$code/uat" params={{ code }} size="sm">
          UAT
        </AnchorLink>
        <Text size="sm">{s.key}</Text>
      </Breadcrumbs>
      {search.case && cases.isPending ? (
        <LoadingState label="Loading cases…" />
      ) : search.case && cases.data ? (
        <CaseRunner
          target={memberTarget(code)}
          cases={cases.data}
          caseKey={search.case}
          onNavigate={run}
          onClose={() => setSearch({ tab: search.tab })}
          refresh={[uatKeys.all(code)]}
          canRun={canRun}
          notRunning={notRunningReason(s.status, canManage)}
          bugKey={(bugKey) => <BugLink code={code} bugKey={bugKey} />}
        />
      ) : (
        <>
          <SessionHeader code={code} session={s} canManage={canManage} />
          <Tabs
            value={search.tab ?? 'cases'}
            onChange={(tab) => setSearch({ tab: (tab as UatSessionSearch['tab']) ?? undefined }, true)}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="cases" data-testid="tab-cases">
                Cases ({s.counts.cases})
              </Tabs.Tab>
              <Tabs.Tab value="defects" data-testid="tab-defects">
                Defects ({s.counts.openDefects} open)
              </Tabs.Tab>
              {canManage ? (
                <Tabs.Tab value="guests" data-testid="tab-guests">
                  Guest links
                </Tabs.Tab>
              ) : null}
            </Tabs.List>
            <Tabs.Panel value="cases" pt="md">
              {cases.isPending ? (
                <LoadingState label="Loading cases…" />
              ) : cases.isError ? (
                <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
              ) : (
                <CasesSection
                  code={code}
                  sessionKey={key}
                  cases={cases.data}
                  canManage={canManage && s.status !== 'closed'}
                  hasSprint={Boolean(s.sprint)}
                  onRun={run}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="defects" pt="md">
              <DefectsSection code={code} sessionKey={key} onRun={run} />
            </Tabs.Panel>
            {canManage ? (
              <Tabs.Panel value="guests" pt="md">
                <GuestLinksSection code={code} sessionKey={key} />
              </Tabs.Panel>
            ) : null}
          </Tabs>
        </>
      )}
    </Stack>
  );
}

function SessionHeader({ code, session: s, canManage }: { code: string; session: UatSession; canManage: boolean }) {
  const start = useStartSession(code, s.key);
  const close = useCloseSession(code, s.key);
  const done = (what: string) => ({
    onSuccess: () => notifySuccess(`${s.key} ${what}`),
    onError: (err: unknown) => notifyError(err),
  });
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Title order={2} className="uat-wrap" data-testid="session-title-heading">
            {s.title}
          </Title>
          <SessionStatusBadge status={s.status} />
        </Group>
        {canManage && s.status === 'planned' ? (
          <ConfirmButton
            variant="light"
            className="uat-tap"
            loading={start.isPending}
            confirm={{
              title: `Start ${s.key}?`,
              message: 'Testers see the session as running.',
              confirmLabel: 'Start',
            }}
            onConfirm={() => start.mutate(undefined, done('started'))}
            data-testid="session-start"
          >
            Start session
          </ConfirmButton>
        ) : null}
        {canManage && s.status === 'running' ? (
          <ConfirmButton
            variant="light"
            color="gray"
            className="uat-tap"
            loading={close.isPending}
            confirm={{
              title: `Close ${s.key}?`,
              message: 'No more results can be recorded in a closed session.',
              confirmLabel: 'Close session',
            }}
            onConfirm={() => close.mutate(undefined, done('closed'))}
            data-testid="session-close"
          >
            Close session
          </ConfirmButton>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" data-testid="session-facts">
        {s.key} · Build {s.buildVersion}
        {s.sprint ? ` · ${s.sprint.name}` : ' · No sprint'}
      </Text>
      {s.participants.length ? (
        <Text size="sm" className="uat-wrap" data-testid="session-participants">
          {plural(s.participants.length, 'participant')}:{' '}
          {s.participants.map((p) => `${p.name} (${p.role})`).join(', ')}
        </Text>
      ) : null}
      <Text size="sm" data-testid="session-counts">
        {countsLine(s.counts)}
      </Text>
      <Progress value={progressPercent(s.counts)} size="sm" aria-label="Cases run" />
      <Group gap="sm" wrap="wrap" mt={4}>
        <ButtonLink
          to="/products/$code/signoff"
          params={{ code }}
          search={{ session: s.key }}
          variant="light"
          className="uat-tap"
          data-testid="session-signoff"
        >
          Sign-off
        </ButtonLink>
        <Text size="sm">
          Report:{' '}
          <Anchor href={reportUrl(code, s.key, 'md')} size="sm" data-testid="session-report-md">
            Markdown
          </Anchor>{' '}
          ·{' '}
          <Anchor href={reportUrl(code, s.key, 'pdf')} size="sm" data-testid="session-report-pdf">
            PDF
          </Anchor>
        </Text>
      </Group>
    </Stack>
  );
}
