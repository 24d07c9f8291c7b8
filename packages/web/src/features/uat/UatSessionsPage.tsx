// A product's UAT sessions: each with its build, sprint, status and counts (cases by result, open defects), and a
// form to plan a new one. A session's page runs its cases.
import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { canManageUat } from './access.ts';
import type { UatSession } from './api.ts';
import { countsLine, newestFirst, plural, progressPercent } from './format.ts';
import { NewSessionModal } from './NewSessionModal.tsx';
import { useUatSessions } from './queries.ts';
import { SessionStatusBadge } from './UatBadges.tsx';

const route = getRouteApi('/products/$code/uat');

export function UatSessionsPage() {
  const { code } = route.useParams();
  const me = useSession();
  const navigate = useNavigate();
  const product = useProduct(code);
  const sessions = useUatSessions(code);
  const [creating, setCreating] = useState(false);

  if (product.isPending) return <LoadingState label="Loading UAT…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const canManage = canManageUat(me, p.subsidiary.code);

  return (
    <Stack gap="lg" data-testid="uat-sessions-page">
      <ProductBreadcrumbs code={p.code} here="UAT" />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2}>UAT sessions</Title>
        <Group gap="sm">
          <ButtonLink
            to="/products/$code/signoff"
            params={{ code }}
            variant="light"
            className="uat-tap"
            data-testid="open-signoff"
          >
            Sign-off
          </ButtonLink>
          {canManage ? (
            <Button onClick={() => setCreating(true)} className="uat-tap" data-testid="new-session">
              New session
            </Button>
          ) : null}
        </Group>
      </Group>
      <QueryState
        query={sessions}
        isEmpty={(items) => items.length === 0}
        emptyTitle="No UAT sessions yet"
        emptyDescription="Plan a session per sprint or build: its cases come from the stories' acceptance criteria."
        testId="uat-sessions"
      >
        {(items) => (
          <Stack gap="sm">
            {newestFirst(items).map((s) => (
              <SessionCard key={s.id} code={code} session={s} />
            ))}
          </Stack>
        )}
      </QueryState>
      {creating ? (
        <NewSessionModal
          code={code}
          subsidiary={p.subsidiary.code}
          onClose={() => setCreating(false)}
          onCreated={(s) => void navigate({ to: '/products/$code/uat/$key', params: { code, key: s.key } })}
        />
      ) : null}
    </Stack>
  );
}

function SessionCard({ code, session: s }: { code: string; session: UatSession }) {
  return (
    <Card withBorder padding="md" data-testid="uat-session" data-key={s.key}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <AnchorLink
            to="/products/$code/uat/$key"
            params={{ code, key: s.key }}
            fw={600}
            className="uat-wrap"
            data-testid="open-session"
          >
            {s.key} · {s.title}
          </AnchorLink>
          <SessionStatusBadge status={s.status} />
        </Group>
        <Text size="sm" c="dimmed">
          Build {s.buildVersion}
          {s.sprint ? ` · ${s.sprint.name}` : ''}
        </Text>
      </Group>
      <Text size="sm" mt="xs" data-testid="session-counts">
        {countsLine(s.counts)}
      </Text>
      <Progress value={progressPercent(s.counts)} size="sm" mt={6} aria-label="Cases run" />
      <Text size="xs" c="dimmed" mt={6}>
        {s.participants.length ? plural(s.participants.length, 'participant') : 'No participants named'}
      </Text>
    </Card>
  );
}
