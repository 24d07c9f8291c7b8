// The readiness review's meeting record: date, who attended (name and role), IT's decision, the gaps an acceptance
// with gaps carries over (item, description, severity, owner, due date), the items a rejection names, and notes.
// The server checks the decision against the package (422 with the rules broken, listed beside the form); an
// acceptance makes the product Live, so it asks first.
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS, PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { ELS_LIMITS } from '@pi-studio/core/handover-package/early-life';
import { DECISION_LABELS, DECISIONS, type Decision } from '@pi-studio/core/handover-package/review-decision';
import { type FormEvent, useState } from 'react';
import { fieldError, invalidParams } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { InvalidParamsList } from '../../ui/InvalidParamsList.tsx';
import type { HandoverPackage } from './api.ts';
import { addDays, localIsoDate, plural, reviewFindings } from './format.ts';
import { RemoveRow } from './RemoveRow.tsx';
import {
  type AttendeeRow,
  emptyAttendee,
  emptyGap,
  type GapRow,
  gapsForBlockers,
  isAcceptance,
  newReviewDraft,
  type ReviewDraft,
  reviewBodyOf,
  reviewDraftProblems,
} from './review-form.ts';
import { useRecordReview } from './use-record-review.ts';

export function ReviewForm({ code, pkg }: { code: string; pkg: HandoverPackage }) {
  const record = useRecordReview(code);
  const [draft, setDraft] = useState<ReviewDraft>(() => newReviewDraft(localIsoDate(), pkg.readiness));
  const set = (patch: Partial<ReviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setAttendee = (i: number, patch: Partial<AttendeeRow>) =>
    set({ attendees: draft.attendees.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const setGap = (i: number, patch: Partial<GapRow>) =>
    set({ gaps: draft.gaps.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const problems = reviewDraftProblems(draft);
  const findings = reviewFindings(record.error);
  const refused = invalidParams(record.error);
  const items = pkg.items
    .filter((i) => i.level !== 'not_applicable')
    .map((i) => ({ value: i.id, label: `${i.id} ${i.text}` }));
  const textOf = new Map(items.map((i) => [i.value, i.label]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = reviewBodyOf(draft);
    if (!body) return;
    if (isAcceptance(body.decision)) {
      const ok = await confirmAction({
        title: `${DECISION_LABELS[body.decision]}: hand ${pkg.productName} over to IT?`,
        message: `${pkg.productName} moves to Live and IT runs it from now on${
          body.gaps.length ? `, with ${plural(body.gaps.length, 'gap')} to close` : ''
        }. The review is recorded for good.`,
        confirmLabel: 'Record and go live',
      });
      if (!ok) return;
    }
    record.mutate(body, {
      onSuccess: (next) => {
        notifySuccess(
          next.status === 'accepted' ? `${pkg.productName} is Live` : `${DECISION_LABELS[body.decision]} recorded`,
          'Review recorded',
        );
        // A recorded review is final: the form starts over rather than inviting a second record by accident.
        setDraft(newReviewDraft(localIsoDate(), next.readiness));
      },
    });
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="review-form">
      <Stack gap="sm">
        <Title order={4}>Record the review</Title>
        {findings.length > 0 ? (
          <Alert color="red" title="The decision breaks the handover rules" data-testid="review-findings">
            <List size="sm" spacing={4}>
              {findings.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed server list; entries can repeat
                <List.Item key={`${i}:${f.message}`} data-testid="review-finding" data-severity={f.severity}>
                  {f.message}
                  {f.fix ? <Text span c="dimmed" size="sm">{` ${f.fix}`}</Text> : null}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : refused.length ? (
          <Alert color="red" title="Check the form" data-testid="review-refused">
            <InvalidParamsList params={refused} />
          </Alert>
        ) : (
          <FormError error={record.error} testId="review-error" />
        )}
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            type="date"
            label="Review date"
            required
            value={draft.reviewDate}
            onChange={(e) => set({ reviewDate: e.currentTarget.value })}
            data-testid="review-date"
            miw={160}
          />
          <Select
            label="Decision"
            required
            placeholder="IT's decision"
            data={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
            value={draft.decision}
            onChange={(v) => set({ decision: v as Decision | null })}
            data-testid="review-decision"
            miw={160}
          />
        </Group>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Attendees
          </Text>
          {draft.attendees.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; they have no id until saved
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="attendee-row">
              <TextInput
                aria-label={`Attendee ${i + 1} name`}
                placeholder="Name"
                maxLength={PACKAGE_LIMITS.owner}
                value={a.name}
                onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="attendee-name"
              />
              <TextInput
                aria-label={`Attendee ${i + 1} role`}
                placeholder="Role, e.g. IT owner"
                maxLength={PACKAGE_LIMITS.owner}
                value={a.role}
                onChange={(e) => setAttendee(i, { role: e.currentTarget.value })}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="attendee-role"
              />
              <RemoveRow
                label={`Remove attendee ${i + 1}`}
                disabled={draft.attendees.length === 1}
                onRemove={() => set({ attendees: draft.attendees.filter((_, j) => j !== i) })}
              />
            </Group>
          ))}
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => set({ attendees: [...draft.attendees, emptyAttendee()] })}
              disabled={draft.attendees.length >= PACKAGE_LIMITS.attendees}
              data-testid="attendee-add"
            >
              Add attendee
            </Button>
          </Group>
        </Stack>
        {isAcceptance(draft.decision) ? (
          <NumberInput
            label="Early-life support (days)"
            description="How long the builders stay third-line support after IT accepts; gaps IT finds in it count against the handover."
            min={ELS_LIMITS.minDays}
            max={ELS_LIMITS.maxDays}
            allowDecimal={false}
            value={draft.elsDays}
            onChange={(v) => set({ elsDays: typeof v === 'number' ? v : Number(v) || 0 })}
            error={fieldError(record.error, 'elsDays')}
            maw={360}
            data-testid="review-els-days"
          />
        ) : null}
        {draft.decision === 'accepted_with_gaps' ? (
          <Stack gap={6} data-testid="review-gaps">
            <Text size="sm" fw={500}>
              Gaps carried over
            </Text>
            <Text size="xs" c="dimmed">
              Every item still blocking is a gap with an owner, due within early life support ({draft.elsDays} days).
              Security, rollback (OPS-3) and escalation (SUP-2) must be closed first; a critical gap rejects the
              handover.
            </Text>
            {draft.gaps.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; they have no id until saved
              <Card key={i} withBorder p="xs" radius="sm" data-testid="gap-row">
                <Stack gap={6}>
                  <Group gap="xs" wrap="wrap" align="flex-start">
                    <Select
                      aria-label={`Gap ${i + 1} checklist item`}
                      placeholder="Checklist item (optional)"
                      data={items}
                      value={g.itemId}
                      onChange={(v) => setGap(i, { itemId: v })}
                      searchable
                      clearable
                      style={{ flex: 2, minWidth: 200 }}
                      data-testid="gap-item"
                    />
                    <Select
                      aria-label={`Gap ${i + 1} severity`}
                      data={GAP_SEVERITIES.map((s) => ({ value: s, label: GAP_SEVERITY_LABELS[s] }))}
                      value={g.severity}
                      onChange={(v) => v && setGap(i, { severity: v as GapRow['severity'] })}
                      allowDeselect={false}
                      style={{ flex: 1, minWidth: 110 }}
                      data-testid="gap-severity"
                    />
                    <RemoveRow
                      label={`Remove gap ${i + 1}`}
                      onRemove={() => set({ gaps: draft.gaps.filter((_, j) => j !== i) })}
                    />
                  </Group>
                  <TextInput
                    aria-label={`Gap ${i + 1} description`}
                    placeholder="What is missing, and the workaround meanwhile"
                    maxLength={PACKAGE_LIMITS.gapText}
                    value={g.description}
                    onChange={(e) => setGap(i, { description: e.currentTarget.value })}
                    data-testid="gap-description"
                  />
                  <Group gap="xs" wrap="wrap">
                    <TextInput
                      aria-label={`Gap ${i + 1} owner`}
                      placeholder="Owner"
                      maxLength={PACKAGE_LIMITS.owner}
                      value={g.owner}
                      onChange={(e) => setGap(i, { owner: e.currentTarget.value })}
                      style={{ flex: 1, minWidth: 160 }}
                      data-testid="gap-owner"
                    />
                    <TextInput
                      type="date"
                      aria-label={`Gap ${i + 1} due date`}
                      value={g.dueDate}
                      onChange={(e) => setGap(i, { dueDate: e.currentTarget.value })}
                      style={{ flex: 1, minWidth: 150 }}
                      data-testid="gap-due"
                    />
                  </Group>
                </Stack>
              </Card>
            ))}
            <Group gap="xs" wrap="wrap">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => set({ gaps: [...draft.gaps, emptyGap(addDays(draft.reviewDate, draft.elsDays))] })}
                disabled={draft.gaps.length >= PACKAGE_LIMITS.gaps}
                data-testid="gap-add"
              >
                Add gap
              </Button>
              {pkg.readiness.blocking.length ? (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => set({ gaps: gapsForBlockers(draft, pkg.readiness) })}
                  data-testid="gap-from-blockers"
                >
                  Add a gap per blocking item
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
        {draft.decision === 'rejected' ? (
          <MultiSelect
            label="Items that block the handover"
            description="Named in the rejection; the blocking items are picked to start with"
            // Pills name the item by id only (a rejection often names dozens); the list shows what each one is.
            data={items.map((i) => ({ value: i.value, label: i.value }))}
            renderOption={({ option }) => <Text size="sm">{textOf.get(option.value) ?? option.value}</Text>}
            value={draft.rejectionItemIds}
            onChange={(v) => set({ rejectionItemIds: v })}
            searchable
            data-testid="review-rejection-items"
          />
        ) : null}
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxLength={PACKAGE_LIMITS.reason}
          value={draft.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          data-testid="review-notes"
        />
        {problems.length ? (
          <Text size="xs" c="dimmed" data-testid="review-todo">
            {problems.join(' ')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={record.isPending}
            disabled={problems.length > 0}
            color={draft.decision === 'rejected' ? 'red' : undefined}
            data-testid="review-submit"
          >
            {isAcceptance(draft.decision) ? 'Record and go live' : 'Record the review'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
