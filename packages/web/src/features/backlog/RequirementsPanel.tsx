// The requirements synced from the PRD that passed the gate: each with its PRD line (opens the editor there), its
// priority, its acceptance criteria and its stories; a requirement no story builds yet is a gap and stands out.
import { Alert, Anchor, Badge, Button, Card, Group, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Requirement, RequirementList } from './api.ts';
import { coverage, coverageLabel, currentRequirements, plural } from './format.ts';
import { useRequirementStories } from './queries.ts';
import { syncedVersion, syncResultLabel } from './requirements.ts';
import { StatusBadge } from './StoryBadges.tsx';
import type { EditorTarget } from './StoryEditor.tsx';
import { useGenerateStories } from './use-generate-stories.ts';
import { useSyncRequirements } from './use-sync-requirements.ts';

type Props = {
  code: string;
  query: UseQueryResult<RequirementList>;
  canWrite: boolean;
  onShowStories: (requirementId: string) => void;
  onOpen: (target: EditorTarget) => void;
};

export function RequirementsPanel({ code, query, canWrite, onShowStories, onOpen }: Props) {
  const sync = useSyncRequirements(code);
  const generate = useGenerateStories(code);

  const runSync = () =>
    sync.mutate(undefined, {
      onSuccess: (r) => notifySuccess(syncResultLabel(r), 'Requirements synced'),
      onError: (err) => notifyError(err, 'Sync failed'),
    });
  const runGenerate = (ids?: string[]) =>
    generate.mutate(ids, {
      onSuccess: (stories) =>
        notifySuccess(`${plural(stories.length, 'draft story', 'draft stories')} created.`, 'Stories generated'),
      onError: (err) => notifyError(err, 'No stories generated'),
    });

  return (
    <QueryState query={query} testId="requirements">
      {({ baseline, items }) => {
        const synced = syncedVersion(items);
        const current = currentRequirements(items);
        const gaps = current.filter((r) => r.storyCount === 0);
        const newer = baseline && synced !== null && baseline.version !== synced;
        return (
          <Stack gap="md" data-testid="requirements-panel">
            <Card withBorder radius="md" data-testid="baseline">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2}>
                  {baseline ? (
                    <>
                      <Text fw={600} size="sm" data-testid="baseline-version">
                        Baseline: PRD version {baseline.version}
                      </Text>
                      <Text size="sm" c="dimmed">
                        Passed the gate on {formatDate(baseline.decidedAt)}.{' '}
                        {synced === null
                          ? 'Its requirements have not been synced yet.'
                          : `Requirements last synced from version ${synced}.`}
                      </Text>
                    </>
                  ) : (
                    <>
                      <Text fw={600} size="sm" data-testid="baseline-none">
                        No PRD has passed the gate yet
                      </Text>
                      <Text size="sm" c="dimmed">
                        The backlog is measured against the PRD version that passed the quality gate. Submit the PRD
                        from the product page; once ProductOps records a pass (or a conditional pass), sync its
                        requirements here.
                      </Text>
                    </>
                  )}
                </Stack>
                {canWrite ? (
                  <Button
                    onClick={runSync}
                    loading={sync.isPending}
                    disabled={!baseline}
                    data-testid="sync-requirements"
                  >
                    Sync from the PRD
                  </Button>
                ) : null}
              </Group>
              {newer ? (
                <Alert color="yellow" variant="light" mt="sm" data-testid="baseline-newer">
                  PRD version {baseline.version} passed the gate after the last sync (version {synced}). Sync to bring
                  its requirements in.
                </Alert>
              ) : null}
            </Card>

            {items.length === 0 ? (
              <Paper withBorder p="lg" radius="md" data-testid="requirements-empty">
                <Stack gap={6} align="center">
                  <Text fw={600}>No requirements yet</Text>
                  <Text size="sm" c="dimmed" ta="center" maw={520}>
                    {baseline
                      ? `Press "Sync from the PRD" to read the requirements of version ${baseline.version}: their ids, priorities and acceptance criteria.`
                      : 'Once the PRD passes the gate, its requirements can be synced here.'}
                  </Text>
                  {!baseline ? (
                    <ButtonLink to="/products/$code" params={{ code }} variant="light" size="xs">
                      Go to the product page
                    </ButtonLink>
                  ) : null}
                </Stack>
              </Paper>
            ) : (
              <>
                <Group justify="space-between" gap="sm">
                  <Text size="sm" data-testid="coverage">
                    {coverageLabel(coverage(items))}
                    {gaps.length > 0 ? `; ${plural(gaps.length, 'gap')} to fill.` : '.'}
                  </Text>
                  {canWrite && gaps.length > 0 ? (
                    <ConfirmButton
                      variant="light"
                      loading={generate.isPending}
                      confirm={{
                        title: 'Generate draft stories?',
                        message: `${plural(gaps.length, 'draft story', 'draft stories')} will be created, one for each requirement without a story (${gaps
                          .map((g) => g.key)
                          .join(
                            ', ',
                          )}). Each starts in Backlog with its narrative and Gherkin prefilled from the requirement, for you to accept or edit.`,
                        confirmLabel: `Create ${plural(gaps.length, 'story', 'stories')}`,
                      }}
                      onConfirm={() => runGenerate()}
                      data-testid="generate-stories"
                    >
                      Generate draft stories ({gaps.length})
                    </ConfirmButton>
                  ) : null}
                </Group>
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {items.map((r) => (
                    <RequirementRow
                      key={r.id}
                      code={code}
                      requirement={r}
                      onOpen={onOpen}
                      canWrite={canWrite}
                      generating={generate.isPending}
                      onDraft={() => runGenerate([r.id])}
                      onShowStories={() => onShowStories(r.id)}
                    />
                  ))}
                </Stack>
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

type RowProps = {
  code: string;
  requirement: Requirement;
  onOpen: (target: EditorTarget) => void;
  canWrite: boolean;
  generating: boolean;
  onDraft: () => void;
  onShowStories: () => void;
};

function RequirementRow({ code, requirement: r, onOpen, canWrite, generating, onDraft, onShowStories }: RowProps) {
  const [open, setOpen] = useState(false);
  const stories = useRequirementStories(code, r.id, open);
  const removed = r.removedIn !== null;
  const gap = !removed && r.storyCount === 0;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      data-testid="requirement"
      data-key={r.key}
      data-gap={gap || undefined}
      style={{
        borderLeft: `4px solid var(--mantine-color-${gap ? 'orange-6' : removed ? 'gray-4' : 'teal-6'})`,
        opacity: removed ? 0.7 : 1,
      }}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text ff="monospace" fw={600} size="sm" data-testid="requirement-key">
            {r.key}
          </Text>
          {r.priority ? (
            <Badge size="sm" variant="light" color="indigo" style={{ textTransform: 'none' }}>
              {r.priority}
            </Badge>
          ) : (
            <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
              No priority
            </Badge>
          )}
          {r.kind === 'nfr' ? (
            <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
              Non-functional
            </Badge>
          ) : null}
          {gap ? (
            <Badge size="sm" color="orange" data-testid="requirement-gap" style={{ textTransform: 'none' }}>
              No story yet
            </Badge>
          ) : null}
          {removed ? (
            <Badge size="sm" color="gray" style={{ textTransform: 'none' }}>
              Removed in version {r.removedIn?.version}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" data-testid="requirement-text">
          {r.text}
        </Text>
        <Group gap="md" wrap="wrap">
          <AnchorLink
            to="/documents/$id/edit"
            params={{ id: r.documentId }}
            search={{ line: r.line, from: r.lastSeenIn.version }}
            size="xs"
            data-testid="jump-to-line"
          >
            PRD line {r.line} (version {r.lastSeenIn.version})
          </AnchorLink>
          {r.section ? (
            <Text size="xs" c="dimmed" truncate maw={260}>
              {r.section}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" data-testid="requirement-criteria">
            {r.acceptance.length === 0
              ? 'No acceptance criteria'
              : plural(r.acceptance.length, 'acceptance criterion', 'acceptance criteria')}
          </Text>
          {r.textHistory.length > 1 ? (
            <Text size="xs" c="dimmed">
              Text changed in version {r.textHistory[r.textHistory.length - 1]?.version}
            </Text>
          ) : null}
          {r.storyCount > 0 ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              data-testid="requirement-stories"
            >
              {open ? 'Hide its stories' : `Its ${plural(r.storyCount, 'story', 'stories')}`}
            </Button>
          ) : null}
          {gap && canWrite ? (
            <Button
              size="compact-xs"
              variant="light"
              color="orange"
              onClick={onDraft}
              disabled={generating}
              data-testid="requirement-draft"
            >
              Draft a story
            </Button>
          ) : null}
        </Group>
        {open ? (
          <QueryState query={stories} testId="requirement-stories">
            {(page) => (
              <Stack gap={4} data-testid="requirement-story-list">
                {page.items.map((story) => (
                  <Group key={story.id} gap="xs" wrap="nowrap">
                    <StatusBadge status={story.status} />
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      onClick={() => onOpen({ key: story.key })}
                      style={{ minWidth: 0 }}
                    >
                      <Text span ff="monospace" size="xs" c="dimmed">
                        {story.key}
                      </Text>{' '}
                      {story.title}
                    </Anchor>
                  </Group>
                ))}
                <Anchor component="button" type="button" size="xs" ta="left" onClick={onShowStories}>
                  {page.nextCursor ? `All ${r.storyCount} in the stories list` : 'Show them in the stories list'}
                </Anchor>
              </Stack>
            )}
          </QueryState>
        ) : null}
      </Stack>
    </Paper>
  );
}
