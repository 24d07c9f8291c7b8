// A product's adoption tracking (issue #15): the tracking plan (the events the product sends, with their properties)
// as a table with its version, or the editor for the people who may change it (adoption.write); the version history,
// the PRD's analytics section checked against the plan, and how to send events to POST /api/v1/events.
import { Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { canEditPlan, canSendEvents } from './access.ts';
import type { TrackingPlan } from './api.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanTable } from './PlanTable.tsx';
import { PrdCheckPanel } from './PrdCheckPanel.tsx';
import { adoptionKeys, usePlan } from './queries.ts';
import { SendEventsHelp } from './SendEventsHelp.tsx';
import { VersionsList } from './VersionsList.tsx';

const route = getRouteApi('/products/$code/adoption');

export function AdoptionPage() {
  const { code } = route.useParams();
  const me = useSession();
  const product = useProduct(code);
  const plan = usePlan(code);

  if (product.isPending || plan.isPending) return <LoadingState label="Loading the tracking plan…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const firstLive = plan.data?.events.find((e) => e.status === 'live')?.name;

  return (
    <Stack gap="lg" data-testid="adoption-page">
      <ProductBreadcrumbs code={p.code} here="Adoption tracking" />
      <Stack gap={4} maw={760}>
        <Title order={2}>Adoption tracking</Title>
        <Text size="sm" c="dimmed">
          The events {p.name} sends to show how it is used, checked against its PRD.
        </Text>
      </Stack>
      {plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanCard
          code={p.code}
          plan={plan.data}
          canEdit={canEditPlan(me, p.subsidiary.code)}
          defaultOwner={me.user.name}
        />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <PrdCheckPanel code={p.code} />
            {firstLive && canSendEvents(me, p.subsidiary.code) ? (
              <SendEventsHelp code={p.code} eventName={firstLive} />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <VersionsList code={p.code} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type CardProps = { code: string; plan: TrackingPlan; canEdit: boolean; defaultOwner: string };

function PlanCard({ code, plan, canEdit, defaultOwner }: CardProps) {
  const [editing, setEditing] = useState(false);
  const qc = useQueryClient();
  const reload = () => void qc.invalidateQueries({ queryKey: adoptionKeys.all(code) });

  let body: ReactNode;
  if (editing) {
    body = (
      <PlanEditor
        // A reload after someone else's save restarts the editor from their version.
        key={plan.version}
        code={code}
        plan={plan}
        defaultOwner={defaultOwner}
        onClose={() => setEditing(false)}
        onReload={reload}
      />
    );
  } else if (plan.version === 0) {
    body = (
      <EmptyState
        title="No tracking plan yet"
        action={
          canEdit ? (
            <Button onClick={() => setEditing(true)} data-testid="plan-add-first">
              Add the first event
            </Button>
          ) : null
        }
      >
        A tracking plan lists the events the product sends when people use it (for example report_exported), who answers
        for each and the properties it carries. Only live events of the plan are accepted, and the PRD's analytics
        section is checked against it.
        {canEdit ? '' : ' The product owner or the build team adds the first events.'}
      </EmptyState>
    );
  } else {
    body = <PlanTable events={plan.events} />;
  }

  return (
    <Card withBorder radius="md" component="section" aria-label="Tracking plan" data-testid="plan-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3}>Tracking plan</Title>
            {plan.version > 0 ? (
              <Badge variant="light" data-testid="plan-version-badge">
                Version {plan.version}
              </Badge>
            ) : null}
          </Group>
          {plan.version > 0 ? (
            <Text size="sm" c="dimmed" data-testid="plan-saved-by">
              {plan.events.length} {plan.events.length === 1 ? 'event' : 'events'} · saved by{' '}
              {plan.createdBy?.name ?? 'a removed account'} on {formatDateTime(plan.createdAt)}
            </Text>
          ) : null}
        </Stack>
        {canEdit && !editing && plan.version > 0 ? (
          <Button variant="light" onClick={() => setEditing(true)} data-testid="plan-edit">
            Edit the plan
          </Button>
        ) : null}
      </Group>
      {body}
    </Card>
  );
}
