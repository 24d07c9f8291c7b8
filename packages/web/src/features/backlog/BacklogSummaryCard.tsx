// The backlog in a few words on the product page: stories by status, coverage (requirements with a story out of
// those in the PRD) and the way to the backlog page.
import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { STORY_STATUSES } from '@pi-studio/core/contract/backlog';
import { errorMessage } from '../../lib/errors.ts';
import { ButtonLink } from '../../ui/Links.tsx';
import { countByStatus, plural, STORY_STATUS_LABEL, summaryCoverage } from './format.ts';
import { useRequirements, useStoryStatuses } from './queries.ts';

export function BacklogSummaryCard({ code }: { code: string }) {
  const requirements = useRequirements(code);
  const statuses = useStoryStatuses(code);
  const counts = statuses.data ? countByStatus(statuses.data.statuses) : null;
  const total = statuses.data?.statuses.length ?? 0;
  return (
    <Card withBorder radius="md" component="section" aria-label="Backlog" data-testid="backlog-summary">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Backlog</Title>
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
      <Stack gap={6}>
        {requirements.isError || statuses.isError ? (
          <Text size="sm" c="red" data-testid="backlog-summary-error">
            The backlog could not be read: {errorMessage(requirements.error ?? statuses.error)}
          </Text>
        ) : requirements.isPending || statuses.isPending || !counts ? (
          <Skeleton h={48} aria-label="Loading the backlog summary" />
        ) : (
          <>
            <Text size="sm" data-testid="backlog-summary-coverage">
              {summaryCoverage(requirements.data)}
            </Text>
            <Text size="sm" data-testid="backlog-summary-total">
              {total === 0
                ? 'No stories or bugs yet.'
                : `${statuses.data?.complete ? '' : 'At least '}${plural(total, 'story or bug', 'stories and bugs')}:`}
            </Text>
            {total > 0 ? (
              <Group gap="md" data-testid="backlog-summary-statuses">
                {STORY_STATUSES.map((s) => (
                  <Text size="sm" key={s} data-status={s}>
                    <Text span c="dimmed" size="sm">
                      {STORY_STATUS_LABEL[s]}
                    </Text>{' '}
                    <Text span fw={600} size="sm">
                      {counts[s]}
                    </Text>
                  </Text>
                ))}
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
