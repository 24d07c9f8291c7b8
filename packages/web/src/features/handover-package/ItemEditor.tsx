// One checklist item in a dialog: status, owner, evidence (links or PI Studio records such as `pack:qa:2`), and for a
// waiver or "not applicable" the reason and who approved it. Saved with the item's revision (If-Match): when someone
// changed the item meanwhile, nothing is overwritten until the person chooses to.
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ITEM_STATUS_LABELS, PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { ITEM_STATUSES } from '@pi-studio/core/handover-package/readiness-score';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { personName } from '../../lib/people.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { PackageItem } from './api.ts';
import { isStaleVersion, needsReason } from './format.ts';
import {
  EVIDENCE_KIND_LABEL,
  type EvidenceKind,
  type ItemDraft,
  itemDraftOf,
  itemDraftProblems,
  itemUpdateOf,
} from './item-form.ts';
import { RemoveRow } from './RemoveRow.tsx';
import { useUpdateItem } from './use-update-item.ts';

type Props = { code: string; item: PackageItem; onClose: () => void };

/** Mount only while open: the form starts from the item as stored. */
export function ItemEditor({ code, item, onClose }: Props) {
  const update = useUpdateItem(code);
  const [draft, setDraft] = useState<ItemDraft>(() => itemDraftOf(item));
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setEvidence = (i: number, patch: Partial<ItemDraft['evidence'][number]>) =>
    set({ evidence: draft.evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const changes = itemUpdateOf(item, draft);
  const problems = itemDraftProblems(draft);
  const problemAt = (field: string) => problems.find((p) => p.field === field)?.message;
  const stale = isStaleVersion(update.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!changes) return;
    // item.revision is the stored one this form last saw: after a stale answer the package was read again, so a
    // second save applies these changes on top of the other person's on purpose.
    update.mutate(
      { itemId: item.id, body: changes, revision: item.revision },
      {
        onSuccess: () => {
          notifySuccess(`${item.id}: saved`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`${item.id} · ${item.groupLabel}`} size="lg" data-testid="item-editor">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{item.text}</Text>
          <Text size="xs" c="dimmed">
            Evidence that proves it: {item.evidenceHint}
          </Text>
          {stale ? (
            <Alert color="orange" title="Someone else changed this item" data-testid="item-stale">
              {personName(item.updatedBy, 'Someone')} saved {item.id} while you were editing; the checklist now shows
              their version. Your changes are still in this form: save again to put them on top, or start over from
              theirs.
              <Group mt="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setDraft(itemDraftOf(item));
                    update.reset();
                  }}
                >
                  Start over from theirs
                </Button>
              </Group>
            </Alert>
          ) : (
            <FormError error={update.error} fields={['status', 'owner', 'evidence', 'reason', 'approver']} />
          )}
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Status"
              data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))}
              value={draft.status}
              onChange={(v) => v && set({ status: v as ItemDraft['status'] })}
              allowDeselect={false}
              error={fieldError(update.error, 'status')}
              data-testid="item-status-input"
              miw={180}
            />
            <TextInput
              label="Owner"
              placeholder="Who gets it done"
              maxLength={PACKAGE_LIMITS.owner}
              value={draft.owner}
              onChange={(e) => set({ owner: e.currentTarget.value })}
              error={fieldError(update.error, 'owner')}
              data-testid="item-owner-input"
              miw={180}
            />
          </Group>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Evidence
            </Text>
            {draft.evidence.length === 0 ? (
              <Text size="xs" c="dimmed">
                None yet.
              </Text>
            ) : null}
            {draft.evidence.map((ev, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; they have no id until saved
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="evidence-row">
                <Select
                  aria-label="Kind of evidence"
                  data={(['link', 'record'] as const).map((k) => ({ value: k, label: EVIDENCE_KIND_LABEL[k] }))}
                  value={ev.kind}
                  onChange={(v) => v && setEvidence(i, { kind: v as EvidenceKind })}
                  allowDeselect={false}
                  w={150}
                  style={{ flexShrink: 0 }}
                  data-testid="evidence-kind"
                />
                <TextInput
                  aria-label="Evidence"
                  placeholder={ev.kind === 'link' ? 'https://…' : 'pack:qa:2, a story or sign-off key'}
                  maxLength={PACKAGE_LIMITS.evidenceRef}
                  value={ev.ref}
                  onChange={(e) => setEvidence(i, { ref: e.currentTarget.value })}
                  error={problemAt(`evidence.${i}`) ?? fieldError(update.error, `evidence.${i}.ref`)}
                  style={{ flex: 1, minWidth: 0 }}
                  data-testid="evidence-ref"
                />
                <RemoveRow
                  label={`Remove evidence ${i + 1}`}
                  onRemove={() => set({ evidence: draft.evidence.filter((_, j) => j !== i) })}
                  testId="evidence-remove"
                />
              </Group>
            ))}
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => set({ evidence: [...draft.evidence, { kind: 'link', ref: '' }] })}
                disabled={draft.evidence.length >= PACKAGE_LIMITS.evidencePerItem}
                data-testid="evidence-add"
              >
                Add evidence
              </Button>
            </Group>
            {problemAt('evidence') ? (
              <Text size="xs" c="orange" data-testid="evidence-hint">
                {problemAt('evidence')}
              </Text>
            ) : null}
          </Stack>
          {needsReason(draft.status) ? (
            <>
              <Textarea
                label="Reason"
                description={draft.status === 'waived' ? 'Why IT can accept it without this' : 'Why it does not apply'}
                autosize
                minRows={2}
                maxLength={PACKAGE_LIMITS.reason}
                value={draft.reason}
                onChange={(e) => set({ reason: e.currentTarget.value })}
                error={fieldError(update.error, 'reason') ?? problemAt('reason')}
                data-testid="item-reason-input"
              />
              <TextInput
                label="Approved by"
                placeholder="Usually the IT owner"
                maxLength={PACKAGE_LIMITS.owner}
                value={draft.approver}
                onChange={(e) => set({ approver: e.currentTarget.value })}
                error={fieldError(update.error, 'approver') ?? problemAt('approver')}
                data-testid="item-approver-input"
              />
            </>
          ) : null}
          <FormActions
            onCancel={onClose}
            submitLabel="Save"
            loading={update.isPending}
            disabled={!changes || problems.some((p) => p.blocks)}
            testId="item-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
