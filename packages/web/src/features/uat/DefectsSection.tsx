// The defects a session's failures raised: the backlog bug (a link), where it stands (open, fixed and waiting for a
// retest, verified, reopened), the case that failed and what it traces to.
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { QueryState } from '../../ui/QueryState.tsx';
import { BugLink } from './BugLink.tsx';
import { useUatDefects } from './queries.ts';
import { DefectStateBadge } from './UatBadges.tsx';

export function DefectsSection({
  code,
  sessionKey,
  onRun,
}: {
  code: string;
  sessionKey: string;
  onRun: (caseKey: string) => void;
}) {
  const defects = useUatDefects(code, sessionKey);
  return (
    <QueryState
      query={defects}
      isEmpty={(items) => items.length === 0}
      emptyTitle="No defects"
      emptyDescription="A failed case raises a bug in the backlog; it shows here until a retest verifies the fix."
      testId="defects"
    >
      {(items) => (
        <Stack gap={6} data-testid="defect-list">
          {items.map((d) => (
            <Card key={d.id} withBorder padding="xs" data-testid="defect" data-state={d.state} data-bug={d.bugKey}>
              <Group gap="xs" wrap="wrap">
                <BugLink code={code} bugKey={d.bugKey} />
                <DefectStateBadge state={d.state} />
              </Group>
              <Text size="sm" mt={4} className="uat-wrap">
                Case{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => onRun(d.caseKey)}>
                  {d.caseKey}
                </Anchor>
                : {d.caseTitle}
              </Text>
              {d.storyKey || d.requirements.length ? (
                <Text size="xs" c="dimmed" mt={2}>
                  {d.storyKey ? `Story ${d.storyKey}` : ''}
                  {d.storyKey && d.requirements.length ? ' · ' : ''}
                  {d.requirements.length ? `Requirements ${d.requirements.join(', ')}` : ''}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
