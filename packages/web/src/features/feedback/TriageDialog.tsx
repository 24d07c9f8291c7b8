// Triage of one item: accept it as a story or bug (title and priority prefilled the way the server drafts them, the
// requirement it would link shown), mark it a duplicate of another item (the most similar one offered), ask it as a
// question in a sprint's clarification log, or decline it with a reason (asked again first: it cannot be undone).
import { Alert, Chip, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { PRIORITIES, type Priority } from '@pi-studio/core/stories/priority';
import { type FormEvent, useMemo, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LoadingState } from '../../ui/States.tsx';
import type { Requirement } from '../backlog/api.ts';
import { useRequirements, useSprints } from '../backlog/queries.ts';
import { requirementOptions } from '../backlog/requirement-options.ts';
import type { FeedbackItem, FeedbackTriageBody, FeedbackTriaged } from './api.ts';
import { DeclineReasonField } from './DeclineReasonField.tsx';
import { clarificationQuestion, triageDraft } from './triage-draft.ts';
import { useTriageFeedback } from './use-triage-feedback.ts';

export type TriageAction = FeedbackTriageBody['action'];

const ACTION_LABEL: Record<TriageAction, string> = {
  story: 'Story',
  bug: 'Bug',
  duplicate: 'Duplicate',
  clarification: 'Clarification',
  decline: 'Decline',
};

const SUBMIT_LABEL: Record<TriageAction, string> = {
  story: 'Create story',
  bug: 'Create bug',
  duplicate: 'Mark duplicate',
  clarification: 'Ask in the sprint',
  decline: 'Decline…',
};

type Props = {
  code: string;
  target: { item: FeedbackItem; action: TriageAction } | null;
  /** The loaded items: the choices for "duplicate of". */
  items: readonly FeedbackItem[];
  onClose: () => void;
};

export function TriageDialog({ code, target, items, onClose }: Props) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? `Triage ${target.item.key}` : ''} size="lg">
      {target ? <TriageForm key={target.item.key} code={code} {...target} items={items} onClose={onClose} /> : null}
    </Modal>
  );
}

function doneMessage(r: FeedbackTriaged): string {
  const { item } = r;
  if (r.story) {
    const link = r.requirement ? `, linked to ${r.requirement.key}` : '';
    return `${item.key} became ${r.story.type} ${r.story.key}${link}.`;
  }
  if (item.status === 'duplicate') return `${item.key} is a duplicate of ${item.duplicateOf}.`;
  if (item.status === 'clarification') return `${item.key} was asked in the sprint’s clarification log.`;
  return `${item.key} was declined.`;
}

type FormProps = {
  code: string;
  item: FeedbackItem;
  action: TriageAction;
  items: readonly FeedbackItem[];
  onClose: () => void;
};

/** Waits for the requirements, so the priority and the match start from the product's own. */
function TriageForm(props: FormProps) {
  const requirements = useRequirements(props.code);
  if (requirements.isPending) return <LoadingState label="Reading the requirements…" />;
  // A product with no PRD through the gate has no requirements; triage still works.
  return <TriageFields {...props} requirements={requirements.data?.items ?? []} />;
}

function TriageFields({
  code,
  item,
  action: initial,
  items,
  onClose,
  requirements: reqs,
}: FormProps & { requirements: readonly Requirement[] }) {
  const sprints = useSprints(code);
  const triage = useTriageFeedback(code);
  const draft = useMemo(() => triageDraft(item, reqs, items), [item, reqs, items]);
  const [action, setAction] = useState<TriageAction>(initial);
  const [title, setTitle] = useState(draft.title);
  const [priority, setPriority] = useState<Priority>(draft.priority);
  const [requirementId, setRequirementId] = useState<string | null>(null);
  const [of, setOf] = useState<string | null>(draft.original?.key ?? null);
  const [sprintId, setSprintId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const openSprints = (sprints.data ?? []).filter((s) => s.status !== 'ended');
  const sprint = sprintId ?? openSprints.find((s) => s.status === 'active')?.id ?? openSprints[0]?.id ?? null;
  const originals = items.filter((i) => i.key !== item.key && i.status !== 'declined' && i.status !== 'duplicate');

  const body = (): FeedbackTriageBody | null => {
    if (action === 'story' || action === 'bug') {
      return { action, title: title.trim() || undefined, priority, requirementId: requirementId ?? undefined };
    }
    if (action === 'duplicate') return of ? { action, of } : null;
    if (action === 'clarification') return sprint ? { action, sprintId: sprint } : null;
    return reason.trim() ? { action, reason: reason.trim() } : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = body();
    if (!b) return;
    if (b.action === 'decline') {
      const ok = await confirmAction({
        title: `Decline ${item.key}?`,
        message: `It leaves the inbox with your reason, and cannot be triaged again: “${b.reason}”`,
        confirmLabel: 'Decline',
        danger: true,
      });
      if (!ok) return;
    }
    triage.mutate(
      { key: item.key, body: b },
      {
        onSuccess: (r) => {
          notifySuccess(doneMessage(r), 'Triaged');
          onClose();
        },
      },
    );
  };

  const fields = ['title', 'priority', 'requirementId', 'of', 'sprintId', 'reason'];
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="triage-form" data-action={action}>
      <Stack gap="sm">
        <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }} lineClamp={8}>
            {item.text}
          </Text>
          <Text size="xs" c="dimmed">
            {item.author}
          </Text>
        </Paper>
        <Chip.Group value={action} onChange={(v) => setAction(v as TriageAction)}>
          <Group gap={6} wrap="wrap" role="radiogroup" aria-label="Decision">
            {(Object.keys(ACTION_LABEL) as TriageAction[]).map((a) => (
              <Chip
                key={a}
                value={a}
                size="sm"
                color={a === 'decline' ? 'red' : undefined}
                data-testid={`triage-action-${a}`}
              >
                {ACTION_LABEL[a]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>

        {action === 'story' || action === 'bug' ? (
          <>
            <TextInput
              label="Title"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
              error={fieldError(triage.error, 'title')}
              data-testid="triage-title"
            />
            <Select
              label="Priority"
              description="Prefilled with the middle of the priorities this product’s requirements use."
              data={PRIORITIES.map((p) => ({ value: p, label: p }))}
              value={priority}
              onChange={(v) => v && setPriority(v as Priority)}
              allowDeselect={false}
              error={fieldError(triage.error, 'priority')}
              data-testid="triage-priority"
            />
            <Select
              label="Requirement"
              placeholder={
                draft.requirement ? `Best match: ${draft.requirement.key}` : 'None matches; pick one to link'
              }
              description={
                draft.requirement
                  ? `Left empty, it links ${draft.requirement.key} (${draft.requirement.percent}% of the feedback’s words — shared: ${draft.requirement.shared.join(', ')}).`
                  : 'Left empty, no requirement matches, so none is linked.'
              }
              clearable
              searchable
              data={requirementOptions(reqs.filter((r) => r.removedIn === null))}
              value={requirementId}
              onChange={setRequirementId}
              error={fieldError(triage.error, 'requirementId')}
              comboboxProps={{ width: 'target' }}
              data-testid="triage-requirement"
            />
          </>
        ) : null}

        {action === 'duplicate' ? (
          <Select
            label="Duplicate of"
            description={
              draft.original && of === draft.original.key
                ? draft.original.explanation
                : 'Its sources are added to the original’s.'
            }
            placeholder="Pick the original item"
            searchable
            data={originals.map((i) => ({ value: i.key, label: `${i.key} — ${i.text.slice(0, 70)}` }))}
            value={of}
            onChange={setOf}
            error={fieldError(triage.error, 'of')}
            comboboxProps={{ width: 'target' }}
            data-testid="triage-of"
          />
        ) : null}

        {action === 'clarification' ? (
          openSprints.length === 0 && !sprints.isPending ? (
            <Alert color="gray" variant="light" data-testid="triage-no-sprint">
              No sprint is planned or running. Plan one on the backlog’s Sprints tab to ask there.
            </Alert>
          ) : (
            <>
              <Select
                label="Sprint"
                data={openSprints.map((s) => ({ value: s.id, label: `${s.name} (${s.status})` }))}
                value={sprint}
                onChange={setSprintId}
                allowDeselect={false}
                error={fieldError(triage.error, 'sprintId')}
                data-testid="triage-sprint"
              />
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                Asked as: {clarificationQuestion(item).slice(0, 300)}
              </Text>
            </>
          )
        ) : null}

        {action === 'decline' ? (
          <DeclineReasonField
            description="The person who gave the feedback may ask why; say it in a sentence."
            value={reason}
            onChange={setReason}
            error={fieldError(triage.error, 'reason')}
            testId="triage-reason"
          />
        ) : null}

        <FormError error={triage.error} fields={fields} testId="triage-error" />
        <FormActions
          onCancel={onClose}
          submitLabel={SUBMIT_LABEL[action]}
          loading={triage.isPending}
          disabled={body() === null}
          danger={action === 'decline'}
          testId="triage-submit"
        />
      </Stack>
    </form>
  );
}
