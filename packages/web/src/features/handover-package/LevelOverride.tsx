// Whether an item counts as required for this package: the template decides, and the team may override it — making a
// required item optional needs a reason (kept with the item and in its history), making it required again asks
// first. Not-applicable items cannot be overridden (the server answers 422 naming `required`).
import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { PackageItem } from './api.ts';
import { useUpdateItem } from './use-update-item.ts';

type Props = { code: string; item: PackageItem };

export function LevelOverrideButton({ code, item }: Props) {
  const update = useUpdateItem(code);
  const [asking, setAsking] = useState(false);
  if (item.templateLevel === 'not_applicable') return null;
  const required = item.level === 'required';

  const makeRequired = async () => {
    const back = item.templateLevel === 'required';
    const ok = await confirmAction({
      title: `Make ${item.id} required?`,
      message: back
        ? `${item.id} goes back to the template's level: required. It blocks the handover until it is done or waived.`
        : `The template recommends ${item.id}; as required it blocks the handover until it is done or waived.`,
      confirmLabel: 'Make required',
    });
    if (!ok) return;
    update.mutate(
      { itemId: item.id, body: { required: true, requiredReason: null }, revision: item.revision },
      {
        onSuccess: () => notifySuccess(`${item.id} is required`),
        onError: (err) => notifyError(err, 'Not changed'),
      },
    );
  };

  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => (required ? setAsking(true) : void makeRequired())}
        loading={update.isPending && !asking}
        data-testid={`level-toggle-${item.id}`}
      >
        {required ? 'Make optional' : 'Make required'}
      </Button>
      {asking ? <MakeOptional code={code} item={item} onClose={() => setAsking(false)} /> : null}
    </>
  );
}

/** Making a required item optional: the reason first, then a last word on what it means. */
function MakeOptional({ code, item, onClose }: Props & { onClose: () => void }) {
  const update = useUpdateItem(code);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // The last word is said inside this dialog (no second dialog over it): the first submit asks, the second changes.
  const [confirming, setConfirming] = useState(false);
  const fromTemplate = item.templateLevel === 'required';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (fromTemplate && !reason.trim()) {
      setMissing(true);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    update.mutate(
      { itemId: item.id, body: { required: false, requiredReason: reason.trim() || null }, revision: item.revision },
      {
        onSuccess: () => {
          notifySuccess(`${item.id} is optional for this package`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Make ${item.id} optional`} data-testid="make-optional">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{item.text}</Text>
          <Text size="xs" c="dimmed">
            {fromTemplate
              ? `The template requires it (${item.levelReason}). Say why this package can go to IT without it.`
              : 'Back to the template’s level: recommended.'}
          </Text>
          <FormError error={update.error} fields={['requiredReason', 'required']} />
          <Textarea
            label="Reason"
            withAsterisk={fromTemplate}
            autosize
            minRows={2}
            maxLength={PACKAGE_LIMITS.reason}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
              setConfirming(false);
            }}
            error={
              (missing ? 'Say why a required item can be left out.' : undefined) ??
              fieldError(update.error, 'requiredReason') ??
              fieldError(update.error, 'required')
            }
            data-testid="make-optional-reason"
          />
          {confirming ? (
            <Alert color="orange" p="xs" data-testid="make-optional-confirm">
              {item.id} will no longer block the handover to IT. The reason is kept with the item and in its history.
              Confirm to make it optional.
            </Alert>
          ) : null}
          <FormActions
            onCancel={onClose}
            submitLabel={confirming ? 'Confirm: make optional' : 'Make optional'}
            loading={update.isPending}
            testId="make-optional-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
