// A reviewer overrides one criterion's score (0–1) and must say why; the effective score is recomputed server-side.
import { Button, Group, Modal, Slider, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import type { ReviewCriterion } from '../api.ts';
import { useOverrideCriterion } from '../use-override-criterion.ts';

type Props = { reviewId: string; criterion: ReviewCriterion | null; onClose: () => void };

export function OverrideModal({ reviewId, criterion, onClose }: Props) {
  return (
    <Modal opened={criterion !== null} onClose={onClose} title={`Override: ${criterion?.name ?? ''}`} centered>
      {criterion ? (
        <OverrideForm key={criterion.id} reviewId={reviewId} criterion={criterion} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function OverrideForm({
  reviewId,
  criterion,
  onDone,
}: {
  reviewId: string;
  criterion: ReviewCriterion;
  onDone: () => void;
}) {
  const override = useOverrideCriterion(reviewId);
  const [score, setScore] = useState(criterion.score);
  const [reason, setReason] = useState(criterion.override?.reason ?? '');
  const submit = () =>
    override.mutate(
      { criterion: criterion.id, score, reason: reason.trim() },
      {
        onSuccess: (review) => {
          notifySuccess(`${criterion.name} set to ${Math.round(score * 100)}%. Effective score ${review.score}.`);
          onDone();
        },
      },
    );
  return (
    <Stack data-testid="override-form">
      <Text size="sm" c="dimmed">
        The engine scored {Math.round(criterion.engineScore * 100)}% (weight {criterion.weight}).
      </Text>
      <div>
        <Text size="sm" fw={500} mb={4} id="override-score-label">
          Score: {Math.round(score * 100)}%
        </Text>
        <Slider
          aria-labelledby="override-score-label"
          min={0}
          max={1}
          step={0.05}
          value={score}
          onChange={setScore}
          label={(v) => `${Math.round(v * 100)}%`}
          marks={[
            { value: 0, label: '0' },
            { value: 0.5, label: '50%' },
            { value: 1, label: '100%' },
          ]}
          mb="md"
          data-testid="override-score"
        />
      </div>
      <Textarea
        label="Reason"
        description="Shown to the author and kept in the audit log."
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(override.error, 'reason')}
        autosize
        minRows={2}
        data-testid="override-reason"
      />
      <FormError error={override.error} fields={['reason']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={override.isPending} disabled={!reason.trim()} data-testid="override-save">
          Save override
        </Button>
      </Group>
    </Stack>
  );
}
