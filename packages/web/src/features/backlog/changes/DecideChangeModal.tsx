// The product owner's decision on a change request: approve or reject, always with a rationale. Approving one that
// carries a PRD text saves that text as the PRD's next minor version, which the dialog says before it happens.
import { Alert, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import type { ChangeRequest } from './api.ts';
import { useDecideChange } from './queries.ts';

type Props = { code: string; change: ChangeRequest | null; onClose: () => void };

export function DecideChangeModal({ code, change, onClose }: Props) {
  return (
    <Modal opened={change !== null} onClose={onClose} title={change ? `Decide ${change.key}` : ''} centered>
      {change ? <DecideForm code={code} change={change} onDone={onClose} /> : null}
    </Modal>
  );
}

function DecideForm({ code, change, onDone }: { code: string; change: ChangeRequest; onDone: () => void }) {
  const decide = useDecideChange(code);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [rationale, setRationale] = useState('');
  const submit = () =>
    decide.mutate(
      { key: change.key, body: { decision, rationale } },
      {
        onSuccess: (cr) => {
          notifySuccess(
            cr.status === 'approved'
              ? `${cr.key} approved${cr.prdVersion ? `; the PRD is now version ${cr.prdVersion.version}` : ''}.`
              : `${cr.key} rejected.`,
            'Decision recorded',
          );
          onDone();
        },
      },
    );
  return (
    <Stack
      component="form"
      gap="sm"
      data-testid="decide-change-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Text size="sm" fw={500}>
        {change.title}
      </Text>
      <SegmentedControl
        value={decision}
        onChange={(v) => setDecision(v as 'approve' | 'reject')}
        data={[
          { value: 'approve', label: 'Approve' },
          { value: 'reject', label: 'Reject' },
        ]}
        data-testid="decide-choice"
      />
      {decision === 'approve' ? (
        <Alert color="blue" variant="light" p="xs">
          {change.hasPrdChange
            ? 'Approving saves the proposed text as the next minor version of the PRD and resolves the drift it names.'
            : 'Approving records the decision and links its stories to its requirements; the PRD text is not changed.'}
        </Alert>
      ) : null}
      <Textarea
        label="Rationale"
        description="Recorded with the decision and shown to everyone on the backlog."
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={rationale}
        onChange={(e) => setRationale(e.currentTarget.value)}
        error={fieldError(decide.error, 'rationale')}
        data-testid="decide-rationale"
      />
      <FormError error={decide.error} fields={['rationale', 'decision']} />
      <FormActions
        onCancel={onDone}
        submitLabel={decision === 'approve' ? 'Approve' : 'Reject'}
        danger={decision === 'reject'}
        loading={decide.isPending}
        testId="decide-submit"
      />
    </Stack>
  );
}
