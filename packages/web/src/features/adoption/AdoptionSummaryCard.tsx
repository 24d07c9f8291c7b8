// Adoption tracking in a few words on the product page: the plan's version and live events, and the way there.
import { Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { errorMessage } from '../../lib/errors.ts';
import { ButtonLink } from '../../ui/Links.tsx';
import { usePlan } from './queries.ts';

export function AdoptionSummaryCard({ code }: { code: string }) {
  const plan = usePlan(code);
  const live = plan.data?.events.filter((e) => e.status === 'live').length ?? 0;
  return (
    <Card withBorder radius="md" component="section" aria-label="Adoption tracking" data-testid="adoption-summary">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Adoption tracking</Title>
        <ButtonLink
          to="/products/$code/adoption"
          params={{ code }}
          size="compact-sm"
          variant="light"
          data-testid="open-adoption"
        >
          Open
        </ButtonLink>
      </Group>
      {plan.isPending ? (
        <Skeleton h={20} aria-label="Loading the tracking plan" />
      ) : plan.isError ? (
        <Text size="sm" c="red">
          The tracking plan could not be read: {errorMessage(plan.error)}
        </Text>
      ) : (
        <Text size="sm" data-testid="adoption-summary-line">
          {plan.data.version === 0
            ? 'No tracking plan yet'
            : `Version ${plan.data.version} · ${live} live ${live === 1 ? 'event' : 'events'}`}
        </Text>
      )}
    </Card>
  );
}
