// Taking back a reviewer's override or waiver, after confirming: the response is the recomputed review.
import { confirmAction } from '../../lib/confirm.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { removeOverride, removeWaiver } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export function useRemoveOverride(reviewId: string) {
  const m = useReviewMutation(reviewId, (id, criterion: string) => removeOverride(id, criterion));
  return async (criterion: { id: string; name: string }) => {
    const ok = await confirmAction({
      title: `Remove the override of ${criterion.name}?`,
      message: "The engine's score for this criterion counts again. The audit trail keeps the override.",
      confirmLabel: 'Remove override',
      danger: true,
    });
    if (!ok) return;
    m.mutate(criterion.id, {
      onSuccess: () => notifySuccess(`Override of ${criterion.name} removed.`),
      onError: (err) => notifyError(err, 'Override not removed'),
    });
  };
}

export function useRemoveWaiver(reviewId: string) {
  const m = useReviewMutation(reviewId, (id, findingId: string) => removeWaiver(id, findingId));
  return async (finding: { id: string; rule: string }) => {
    const ok = await confirmAction({
      title: 'Remove this waiver?',
      message: `${finding.rule} counts toward the suggested verdict again. The audit trail keeps the waiver.`,
      confirmLabel: 'Remove waiver',
      danger: true,
    });
    if (!ok) return;
    m.mutate(finding.id, {
      onSuccess: () => notifySuccess('Waiver removed.'),
      onError: (err) => notifyError(err, 'Waiver not removed'),
    });
  };
}
