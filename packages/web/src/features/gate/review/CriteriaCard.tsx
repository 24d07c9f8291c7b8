// Criterion scores (effective, with the engine's when overridden) and the reviewer's override button.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { personName } from '../../../lib/people.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import type { GateReview, ReviewCriterion } from '../api.ts';
import { CriterionBars } from '../ui/CriterionBars.tsx';
import { useRemoveOverride } from '../use-remove-override.ts';
import { OverrideModal } from './OverrideModal.tsx';

export function CriteriaCard({ review, canOverride }: { review: GateReview; canOverride: boolean }) {
  const [editing, setEditing] = useState<ReviewCriterion | null>(null);
  const overrides = review.criteria.filter((c) => c.override);
  const removeOverride = useRemoveOverride(review.id);
  const remove = (c: ReviewCriterion) =>
    removeOverride.mutate(c.id, {
      onSuccess: () => notifySuccess(`Override of ${c.name} removed.`),
      onError: (err) => notifyError(err, 'Override not removed'),
    });
  return (
    <Card withBorder radius="md" data-testid="criteria-card">
      <Title order={4} mb="sm">
        Criteria
      </Title>
      <CriterionBars
        criteria={review.criteria}
        extra={
          canOverride
            ? (c) => (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setEditing(review.criteria.find((x) => x.id === c.id) ?? null)}
                  data-testid={`override-${c.id}`}
                >
                  Override
                </Button>
              )
            : undefined
        }
      />
      {overrides.length > 0 ? (
        <Stack gap={4} mt="md" data-testid="overrides">
          {overrides.map((c) => (
            <Group key={c.id} gap="xs" wrap="nowrap" justify="space-between">
              <Text size="xs" c="dimmed">
                <Text span fw={600} size="xs" c="dark">
                  {c.name}
                </Text>{' '}
                {Math.round(c.engineScore * 100)}% → {Math.round((c.override?.score ?? 0) * 100)}% by{' '}
                {personName(c.override?.by, '—')}: {c.override?.reason}
              </Text>
              {canOverride ? (
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  confirm={{
                    title: `Remove the override of ${c.name}?`,
                    message: "The engine's score for this criterion counts again. The audit trail keeps the override.",
                    confirmLabel: 'Remove override',
                    danger: true,
                  }}
                  onConfirm={() => remove(c)}
                  data-testid={`remove-override-${c.id}`}
                >
                  Remove
                </ConfirmButton>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
      <OverrideModal reviewId={review.id} criterion={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
