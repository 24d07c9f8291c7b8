// "Submit to gate" for PRD authors: scores the saved version on the server and opens the new review.
import { Button, Tooltip } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import type { Stage } from '../../lib/stages.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { VERDICT_LABEL } from './format.ts';
import { submissionStageNote } from './stage-moves.ts';
import { useSubmitToGate } from './use-submit-to-gate.ts';

type Props = {
  documentId: string;
  documentCode: string;
  version: string;
  /** The product's stage now: the dialog says whether submitting moves it. */
  productStage?: Stage;
  waitingReason?: string | null;
};

export function SubmitToGateButton({ documentId, documentCode, version, productStage, waitingReason }: Props) {
  const submit = useSubmitToGate(documentId);
  const navigate = useNavigate();

  const onClick = async () => {
    const ok = await confirmAction({
      title: `Submit ${documentCode} v${version} to the gate?`,
      message:
        `The saved version is scored with the active rubric and ProductOps is asked to review it. ${submissionStageNote(productStage)}`.trim(),
      confirmLabel: 'Submit to gate',
    });
    if (!ok) return;
    submit.mutate(version, {
      onSuccess: (review) => {
        notifySuccess(
          `Scored ${review.engine.score}/100 (${VERDICT_LABEL[review.engine.verdict]}). ProductOps will review it.`,
          'Submitted to the gate',
        );
        void navigate({ to: '/gate/reviews/$id', params: { id: review.id } });
      },
      onError: (err) => notifyError(err, 'Not submitted'),
    });
  };

  const button = (
    <Button
      color="grape"
      onClick={() => void onClick()}
      loading={submit.isPending}
      disabled={Boolean(waitingReason)}
      data-testid="submit-to-gate"
    >
      Submit to gate
    </Button>
  );
  return waitingReason ? <Tooltip label={waitingReason}>{button}</Tooltip> : button;
}
