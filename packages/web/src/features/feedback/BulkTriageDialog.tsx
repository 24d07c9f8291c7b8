// The bulk triage's dialog: the reason (decline) or the original (duplicates) for the selected items, then a
// confirmation naming how many. The server takes it all or nothing (up to 500 keys).
import { Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { countOf } from '../backlog/stories-view.ts';
import type { FeedbackItem } from './api.ts';
import { DeclineReasonField } from './DeclineReasonField.tsx';
import { type BulkTriage, useBulkTriage } from './use-bulk-triage.ts';

type DialogProps = {
  code: string;
  action: BulkTriage['action'] | null;
  keys: string[];
  /** The loaded items: the choices for the original. */
  items: readonly FeedbackItem[];
  onClose: () => void;
  onDone: () => void;
};

/** The reason (decline) or the original (duplicates) for the selected items, then a confirmation naming how many. */
export function BulkTriageDialog({ code, action, keys, items, onClose, onDone }: DialogProps) {
  const title =
    action === 'decline'
      ? `Decline ${countOf(keys.length, 'item')}`
      : `Mark ${countOf(keys.length, 'item')} as duplicates`;
  return (
    <Modal opened={action !== null} onClose={onClose} title={title} size="lg">
      {action ? (
        <BulkForm code={code} action={action} keys={keys} items={items} onClose={onClose} onDone={onDone} />
      ) : null}
    </Modal>
  );
}

function BulkForm({
  code,
  action,
  keys,
  items,
  onClose,
  onDone,
}: Omit<DialogProps, 'action'> & { action: BulkTriage['action'] }) {
  const bulk = useBulkTriage(code);
  const [reason, setReason] = useState('');
  const [of, setOf] = useState<string | null>(null);
  const chosen = new Set(keys);
  const originals = items.filter((i) => !chosen.has(i.key) && i.status !== 'declined' && i.status !== 'duplicate');
  const change: BulkTriage | null =
    action === 'decline' ? (reason.trim() ? { action, reason: reason.trim() } : null) : of ? { action, of } : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!change) return;
    const n = countOf(keys.length, 'item');
    const ok = await confirmAction({
      title: change.action === 'decline' ? `Decline ${n}?` : `Mark ${n} as duplicates of ${change.of}?`,
      message:
        change.action === 'decline'
          ? `All ${n} leave the inbox with the reason “${change.reason}”. This cannot be undone.`
          : `All ${n} become duplicates of ${change.of}, and their sources are added to it. This cannot be undone.`,
      confirmLabel: change.action === 'decline' ? `Decline ${n}` : 'Mark duplicates',
      danger: true,
    });
    if (!ok) return;
    bulk.mutate(
      { keys, change },
      {
        onSuccess: (done) => {
          notifySuccess(
            `${countOf(done.length, 'item')} ${change.action === 'decline' ? 'declined' : `marked duplicates of ${change.of}`}.`,
            'Triaged',
          );
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="feedback-bulk-form">
      <Stack gap="sm">
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {keys.slice(0, 12).join(', ')}
          {keys.length > 12 ? ` and ${keys.length - 12} more` : ''}
        </Text>
        {action === 'decline' ? (
          <DeclineReasonField
            description="The same reason is kept on every item."
            value={reason}
            onChange={setReason}
            error={fieldError(bulk.error, 'reason')}
            testId="feedback-bulk-reason"
          />
        ) : (
          <Select
            label="Duplicates of"
            placeholder="Pick the original item"
            searchable
            data={originals.map((i) => ({ value: i.key, label: `${i.key} — ${i.text.slice(0, 70)}` }))}
            value={of}
            onChange={setOf}
            error={fieldError(bulk.error, 'of')}
            comboboxProps={{ width: 'target' }}
            data-testid="feedback-bulk-of"
          />
        )}
        <FormError error={bulk.error} fields={['reason', 'of']} testId="feedback-bulk-error" />
        <FormActions
          onCancel={onClose}
          submitLabel={action === 'decline' ? 'Decline…' : 'Mark duplicates…'}
          loading={bulk.isPending}
          disabled={change === null}
          danger
          testId="feedback-bulk-submit"
        />
      </Stack>
    </form>
  );
}
