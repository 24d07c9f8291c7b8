// A studio administrator moves a product to a stage the gate does not decide (UAT, handover, live…) until the
// studio records that evidence itself. The reason is required: it is audited and shown on the product page.
import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { isStage, STAGE_LABEL, STAGES, type Stage } from '../../lib/stages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { ProductDetail } from './api.ts';
import { useForceStage } from './use-force-stage.ts';

const REASON_MAX = 500;

type Props = { product: ProductDetail; etag: string | null; opened: boolean; onClose: () => void };

export function ForceStageModal({ product, etag, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Move ${product.code} to another stage`} centered>
      {opened ? <ForceStageForm product={product} etag={etag} onDone={onClose} /> : null}
    </Modal>
  );
}

function ForceStageForm({
  product,
  etag,
  onDone,
}: {
  product: ProductDetail;
  etag: string | null;
  onDone: () => void;
}) {
  const force = useForceStage(product.code);
  const [stage, setStage] = useState<Stage | null>(null);
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  const submit = () => {
    if (!stage) return;
    force.mutate(
      { body: { stage, reason: trimmed }, etag },
      {
        onSuccess: () => {
          notifySuccess(`${product.code} is now in ${STAGE_LABEL[stage]}.`, 'Stage moved');
          onDone();
        },
      },
    );
  };
  return (
    <Stack
      component="form"
      data-testid="force-stage-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Alert color="yellow" p="xs">
        The gate moves products on its own: a submitted PRD takes a product from Intake to the PRD gate, a pass or
        conditional verdict to Build, a fail back to Intake. Move a product by hand only when the evidence for the next
        stage (UAT sign-off, IT acceptance) exists outside PI Studio.
      </Alert>
      <Text size="sm">
        Now in <b>{STAGE_LABEL[product.stage]}</b>.
      </Text>
      <Select
        label="New stage"
        placeholder="Choose a stage"
        required
        value={stage}
        onChange={(v) => setStage(v && isStage(v) ? v : null)}
        data={STAGES.filter((s) => s !== product.stage).map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
        error={fieldError(force.error, 'stage')}
        data-testid="force-stage-select"
      />
      <Textarea
        label="Reason"
        description={`Why the product moves now (kept in the audit log and shown on the product page; up to ${REASON_MAX} characters).`}
        required
        maxLength={REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(force.error, 'reason')}
        autosize
        minRows={2}
        data-testid="force-stage-reason"
      />
      <FormError error={force.error} fields={['stage', 'reason']} />
      <FormActions
        onCancel={onDone}
        submitLabel={stage ? `Move to ${STAGE_LABEL[stage]}` : 'Move'}
        loading={force.isPending}
        disabled={!stage || !trimmed}
        danger={stage === 'archived'}
        testId="force-stage-save"
      />
    </Stack>
  );
}
