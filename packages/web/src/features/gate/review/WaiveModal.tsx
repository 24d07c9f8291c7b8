// Waiving a finding needs a reason and an expiry: a waiver is a time-boxed exception, not a silent delete.
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { ruleLabel } from '../../../lib/labels.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import type { ReviewFinding } from '../api.ts';
import { isoDateInDays } from '../format.ts';
import { useWaiveFinding } from '../use-waive-finding.ts';

type Props = { reviewId: string; finding: ReviewFinding | null; onClose: () => void };

export function WaiveModal({ reviewId, finding, onClose }: Props) {
  return (
    <Modal opened={finding !== null} onClose={onClose} title="Waive finding" centered>
      {finding ? <WaiveForm key={finding.id} reviewId={reviewId} finding={finding} onDone={onClose} /> : null}
    </Modal>
  );
}

function WaiveForm({ reviewId, finding, onDone }: { reviewId: string; finding: ReviewFinding; onDone: () => void }) {
  const waive = useWaiveFinding(reviewId);
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(isoDateInDays(30));
  const submit = () =>
    waive.mutate(
      { findingId: finding.id, reason: reason.trim(), expiresAt },
      {
        onSuccess: () => {
          notifySuccess(`${ruleLabel(finding.rule)} waived until ${expiresAt}.`);
          onDone();
        },
      },
    );
  return (
    <Stack data-testid="waive-form">
      <Text size="sm">
        <Text span fw={600} size="sm" title={finding.rule}>
          {ruleLabel(finding.rule)}
        </Text>{' '}
        (line {finding.line}): {finding.message}
      </Text>
      <Textarea
        label="Reason"
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(waive.error, 'reason')}
        autosize
        minRows={2}
        data-testid="waive-reason"
      />
      <TextInput
        type="date"
        label="Expires"
        description="After this date the finding counts again."
        required
        min={isoDateInDays(1)}
        value={expiresAt}
        onChange={(e) => setExpiresAt(e.currentTarget.value)}
        error={fieldError(waive.error, 'expiresAt')}
        data-testid="waive-expires"
      />
      <FormError error={waive.error} fields={['reason', 'expiresAt']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          onClick={submit}
          loading={waive.isPending}
          disabled={!reason.trim() || !expiresAt}
          data-testid="waive-save"
        >
          Waive
        </Button>
      </Group>
    </Stack>
  );
}
