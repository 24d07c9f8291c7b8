// The story editor, a drawer over the backlog: the story's fields, its checks computed live in the browser as the
// person types (core's `checkStory`, the same rules as the server) and the server's own check once saved. A save
// sends only the changed fields with the revision the person opened (If-Match): when someone else saved in between,
// the server answers 409 and the drawer offers to reload; a refused field (422) shows its reason under that field.
import {
  Alert,
  Button,
  Drawer,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { STORY_LIMITS, STORY_STATUSES } from '@pi-studio/core/contract/backlog';
import { checkStory } from '@pi-studio/core/stories/checks';
import { PRIORITIES, type Priority } from '@pi-studio/core/stories/priority';
import { type FormEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../lib/errors.ts';
import { fieldError } from '../../lib/field-errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Requirement, Sprint, Story, StoryType } from './api.ts';
import { STORY_STATUS_LABEL, STORY_TYPE_LABEL } from './format.ts';
import { useSprints, useStory, useStoryChecks } from './queries.ts';
import { requirementOptions } from './requirement-options.ts';
import { StatusBadge, TypeBadge } from './StoryBadges.tsx';
import { StoryChecksCard } from './StoryChecksCard.tsx';
import { createBody, emptyForm, estimateProblem, FORM_FIELDS, formOf, patchOf, type StoryForm } from './story-form.ts';
import { useCreateStory } from './use-create-story.ts';
import { useDeleteStory } from './use-delete-story.ts';
import { useUpdateStory } from './use-update-story.ts';

/** An existing story by key, or a new story or bug (optionally linked to requirements already). */
export type EditorTarget = { key: string } | { newType: StoryType; requirementIds?: string[] };

type Props = {
  code: string;
  target: EditorTarget;
  requirements: readonly Requirement[];
  canWrite: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
};

export function StoryEditor({ code, target, requirements, canWrite, onClose, onCreated }: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  const key = 'key' in target ? target.key : null;
  const story = useStory(code, key);
  const sprints = useSprints(code);
  // The form reports whether it holds unsaved changes, so closing can ask first.
  const [dirty, setDirty] = useState(false);
  const close = async () => {
    if (
      dirty &&
      !(await confirmAction({
        title: 'Discard your changes?',
        message: 'The story has changes that are not saved.',
        confirmLabel: 'Discard',
        danger: true,
      }))
    )
      return;
    onClose();
  };
  const common = { code, requirements, sprints: sprints.data ?? [], canWrite, onDirty: setDirty };

  return (
    <Drawer
      opened
      onClose={() => void close()}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={
        <Text fw={600} data-testid="story-editor-title">
          {key ?? ('newType' in target ? `New ${STORY_TYPE_LABEL[target.newType].toLowerCase()}` : '')}
        </Text>
      }
      data-testid="story-editor"
    >
      {'key' in target ? (
        <QueryState query={story} testId="story-editor">
          {(s) => (
            // A new revision (saved here, or reloaded after someone else's save) starts the form again from it.
            <StoryFormView
              key={`${s.key}:${s.revision}`}
              {...common}
              story={s}
              onReload={() => void story.refetch()}
              onDeleted={onClose}
            />
          )}
        </QueryState>
      ) : (
        <StoryFormView
          {...common}
          story={null}
          newType={target.newType}
          initialRequirementIds={target.requirementIds}
          onCreated={onCreated}
        />
      )}
    </Drawer>
  );
}

type FormProps = {
  code: string;
  story: Story | null;
  newType?: StoryType;
  initialRequirementIds?: string[];
  requirements: readonly Requirement[];
  sprints: readonly Sprint[];
  canWrite: boolean;
  onDirty: (dirty: boolean) => void;
  onCreated?: (key: string) => void;
  onReload?: () => void;
  onDeleted?: () => void;
};

const fieldId = (field: string) => `story-field-${field}`;

function StoryFormView({
  code,
  story,
  newType = 'story',
  initialRequirementIds,
  requirements,
  sprints,
  canWrite,
  onDirty,
  onCreated,
  onReload,
  onDeleted,
}: FormProps) {
  const [base] = useState<StoryForm>(() => (story ? formOf(story) : emptyForm(newType, initialRequirementIds)));
  const [form, setFormState] = useState<StoryForm>(base);
  const create = useCreateStory(code);
  const update = useUpdateStory(code);
  const saving = story ? update : create;
  const remove = useDeleteStory(code);
  const patch = story ? patchOf(base, form) : null;
  const changed = story ? patch !== null : form.title.trim() !== '';
  // Whether closing loses work, derived from the form itself; a form replaced by a newer revision (or closed) leaves
  // nothing unsaved behind it.
  const unsaved = story
    ? changed
    : form.title.trim() !== '' || form.narrative.trim() !== '' || form.acceptance.trim() !== '';
  useEffect(() => onDirty(unsaved), [onDirty, unsaved]);
  useEffect(() => () => onDirty(false), [onDirty]);

  const set = <K extends keyof StoryForm>(field: K, value: StoryForm[K]) => {
    setFormState((f) => ({ ...f, [field]: value }));
  };

  // Live checks on a deferred copy, so typing stays smooth on a long Gherkin text.
  const deferred = useDeferredValue(form);
  const live = useMemo(
    () =>
      checkStory({
        key: story?.key,
        title: deferred.title,
        narrative: deferred.narrative,
        acceptance: deferred.acceptance,
        requirementIds: deferred.requirementIds,
      }),
    [deferred, story?.key],
  );
  const server = useStoryChecks(code, story?.key ?? null, story?.revision);
  const useServer = Boolean(story && !changed && server.data);
  const findings = useServer && server.data ? server.data.findings : live;
  const source = useServer ? `Checked by the server (revision ${story?.revision})` : 'Checked as you type';

  const stale = isApiError(saving.error, 409);
  const err = (field: (typeof FORM_FIELDS)[number]) => fieldError(saving.error, field);

  const localEstimate = estimateProblem(form.estimate);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (localEstimate) return;
    if (story) {
      if (!patch) return;
      update.mutate(
        { key: story.key, patch, revision: story.revision },
        {
          onSuccess: (s) => notifySuccess(`${s.key} saved.`, 'Story saved'),
        },
      );
    } else {
      create.mutate(createBody(form), {
        onSuccess: (s) => {
          onDirty(false);
          notifySuccess(`${s.key} created.`, s.type === 'bug' ? 'Bug created' : 'Story created');
          onCreated?.(s.key);
        },
      });
    }
  };

  const goTo = (field: string) =>
    document.getElementById(fieldId(field === 'requirements' ? 'requirementIds' : field))?.focus();

  const sprintOptions = sprints
    .filter((s) => s.status !== 'ended' || s.id === form.sprintId)
    .map((s) => ({ value: s.id, label: s.status === 'active' ? `${s.name} (active)` : s.name }));

  return (
    <form
      onSubmit={submit}
      data-testid="story-form"
      data-unsaved={unsaved || undefined}
      data-revision={story?.revision}
    >
      <Stack gap="sm">
        {story ? (
          <Group gap="xs">
            <TypeBadge type={story.type} />
            <StatusBadge status={story.status} />
            <Text size="xs" c="dimmed">
              Revision {story.revision}
              {story.createdBy ? ` · created by ${story.createdBy.name}` : ''}
            </Text>
          </Group>
        ) : (
          <SegmentedControl
            data={[
              { value: 'story', label: 'Story' },
              { value: 'bug', label: 'Bug' },
            ]}
            value={form.type}
            onChange={(v) => set('type', v as StoryType)}
            aria-label="Type"
            data-testid="story-type-input"
          />
        )}

        {stale ? (
          <Alert color="orange" title="Changed by someone else" data-testid="story-stale">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Someone saved this story after you opened it, so your changes were not saved. Reload to see their
                version, then make your change again.
              </Text>
              <Button size="xs" variant="light" color="orange" onClick={onReload} data-testid="story-reload">
                Reload the story
              </Button>
            </Stack>
          </Alert>
        ) : (
          <FormError error={saving.error} fields={FORM_FIELDS} testId="story-form-error" />
        )}

        <StoryChecksCard findings={findings} source={source} onGoTo={goTo} />

        <TextInput
          id={fieldId('title')}
          label="Title"
          required
          maxLength={STORY_LIMITS.title}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={err('title')}
          readOnly={!canWrite}
          data-testid="story-title-input"
        />
        <Textarea
          id={fieldId('narrative')}
          label="Narrative"
          description="As a …, I want … so that …"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={STORY_LIMITS.narrative}
          value={form.narrative}
          onChange={(e) => set('narrative', e.currentTarget.value)}
          error={err('narrative')}
          readOnly={!canWrite}
          data-testid="story-narrative-input"
        />
        <Textarea
          id={fieldId('acceptance')}
          label="Acceptance criteria"
          description="Gherkin: Scenario, then Given (the starting state), When (the action), Then (what a tester sees)"
          autosize
          minRows={5}
          maxRows={18}
          maxLength={STORY_LIMITS.acceptance}
          value={form.acceptance}
          onChange={(e) => set('acceptance', e.currentTarget.value)}
          error={err('acceptance')}
          readOnly={!canWrite}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          spellCheck={false}
          data-testid="story-acceptance-input"
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label="Status"
            data={STORY_STATUSES.map((s) => ({ value: s, label: STORY_STATUS_LABEL[s] }))}
            value={form.status}
            onChange={(v) => v && set('status', v as StoryForm['status'])}
            allowDeselect={false}
            error={err('status')}
            readOnly={!canWrite}
            data-testid="story-status-input"
          />
          <Select
            label="Priority"
            placeholder="No priority"
            clearable
            data={PRIORITIES.map((p) => ({ value: p, label: p }))}
            value={form.priority}
            onChange={(v) => set('priority', (v as Priority | null) ?? null)}
            error={err('priority')}
            readOnly={!canWrite}
            data-testid="story-priority-input"
          />
          <TextInput
            label="Estimate"
            description="Points, a whole number"
            inputMode="numeric"
            value={form.estimate}
            onChange={(e) => set('estimate', e.currentTarget.value)}
            error={localEstimate ?? err('estimate')}
            readOnly={!canWrite}
            data-testid="story-estimate-input"
          />
        </SimpleGrid>
        <Select
          label="Sprint"
          placeholder="In no sprint"
          clearable
          data={sprintOptions}
          value={form.sprintId}
          onChange={(v) => set('sprintId', v)}
          error={err('sprintId')}
          readOnly={!canWrite}
          data-testid="story-sprint-input"
        />
        <MultiSelect
          id={fieldId('requirementIds')}
          label="Linked requirements"
          description="The requirements this story builds"
          placeholder={form.requirementIds.length === 0 ? 'Pick the requirements' : undefined}
          searchable
          data={requirementOptions(requirements)}
          value={form.requirementIds}
          onChange={(v) => set('requirementIds', v)}
          error={err('requirementIds')}
          readOnly={!canWrite}
          nothingFoundMessage="No requirement matches"
          data-testid="story-requirements-input"
        />
        {canWrite ? (
          // Stays in view at the foot of the drawer, however long the acceptance criteria are.
          <Group
            justify="flex-end"
            gap="xs"
            py="xs"
            style={{
              position: 'sticky',
              bottom: 0,
              background: 'var(--mantine-color-body)',
              borderTop: '1px solid var(--mantine-color-gray-2)',
              zIndex: 1,
            }}
          >
            {story ? (
              <ConfirmButton
                variant="subtle"
                color="red"
                loading={remove.isPending}
                confirm={{
                  title: `Delete ${story.key}?`,
                  message: `The ${STORY_TYPE_LABEL[story.type].toLowerCase()} and its requirement links are deleted; its key is not given again. The audit log keeps a record.`,
                  confirmLabel: 'Delete',
                  danger: true,
                }}
                onConfirm={() =>
                  remove.mutate(
                    { key: story.key, revision: story.revision },
                    {
                      onSuccess: () => {
                        notifySuccess(`${story.key} deleted.`, 'Deleted');
                        onDeleted?.();
                      },
                      onError: (e) =>
                        notifyError(
                          e,
                          isApiError(e, 409) ? 'Changed by someone else: reload the story first' : 'Not deleted',
                        ),
                    },
                  )
                }
                data-testid="story-delete"
              >
                Delete
              </ConfirmButton>
            ) : null}
            <Text size="xs" c="dimmed" mr="auto">
              {changed ? 'Unsaved changes' : ''}
            </Text>
            <Button type="submit" loading={saving.isPending} disabled={!changed || stale} data-testid="story-save">
              {story ? 'Save' : `Create ${form.type === 'bug' ? 'bug' : 'story'}`}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            You can read this backlog; changing it needs a role with backlog rights in this product's subsidiary.
          </Text>
        )}
      </Stack>
    </form>
  );
}
