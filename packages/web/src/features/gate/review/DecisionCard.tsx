// The reviewer's verdict. It may move the product (pass/conditional: intake or gate → build; fail: gate → intake), so
// it confirms, saying only the move that will happen. The author of the reviewed version is told another reviewer
// decides (the server refuses with own_submission while the subsidiary keeps its four-eyes rule).
import { Alert, Button, Card, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Verdict } from '@pi-studio/core/gate/types';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { confirmAction } from '../../../ui/confirm.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { useSession } from '../../auth/session.tsx';
import type { GateReview } from '../api.ts';
import { VERDICT_LABEL } from '../format.ts';
import { verdictConsequence } from '../stage-moves.ts';
import { useRecordDecision } from '../use-record-decision.ts';

export function DecisionCard({ review }: { review: GateReview }) {
  const decide = useRecordDecision(review.id);
  const me = useSession();
  const ownSubmission = review.author?.id === me.user.id;
  const [verdict, setVerdict] = useState<Verdict>(review.suggestedVerdict ?? review.engine.verdict);
  const [note, setNote] = useState('');
  const needsCondition = verdict === 'conditional' && review.conditions.length === 0;

  const submit = async () => {
    const ok = await confirmAction({
      title: `Record “${VERDICT_LABEL[verdict]}” for ${review.document.code} v${review.version}?`,
      message: `${verdictConsequence(verdict, review.product.stage)} The decision is final for this review and audited.`,
      confirmLabel: `Record ${VERDICT_LABEL[verdict].toLowerCase()}`,
      danger: verdict === 'fail',
    });
    if (!ok) return;
    decide.mutate(
      { verdict, note: note.trim() },
      { onSuccess: () => notifySuccess(`${review.document.code} v${review.version}: ${VERDICT_LABEL[verdict]}.`) },
    );
  };

  return (
    <Card withBorder radius="md" data-testid="decision-card">
      <Title order={4} mb="xs">
        Decision
      </Title>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Suggested: {VERDICT_LABEL[review.suggestedVerdict ?? review.engine.verdict].toLowerCase()} (effective score{' '}
          {review.score}, after overrides and waivers).
        </Text>
        <SegmentedControl
          fullWidth
          value={verdict}
          onChange={(v) => setVerdict(v as Verdict)}
          data={[
            { value: 'pass', label: 'Pass' },
            { value: 'conditional', label: 'Conditional' },
            { value: 'fail', label: 'Fail' },
          ]}
          data-testid="decision-verdict"
        />
        <Text size="xs" c="dimmed" data-testid="decision-consequence">
          {verdictConsequence(verdict, review.product.stage)}
        </Text>
        {ownSubmission ? (
          <Alert color="blue" p="xs" data-testid="own-submission">
            You wrote this version: another reviewer records the verdict when your subsidiary keeps the four-eyes rule.
          </Alert>
        ) : null}
        {needsCondition ? (
          <Alert color="yellow" p="xs" data-testid="needs-condition">
            Add at least one condition before recording a conditional pass.
          </Alert>
        ) : null}
        <Textarea
          label="Note to the author"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(decide.error, 'note')}
          autosize
          minRows={2}
          data-testid="decision-note-input"
        />
        <FormError error={decide.error} fields={['note']} />
        <Button
          onClick={() => void submit()}
          loading={decide.isPending}
          disabled={needsCondition}
          color={verdict === 'fail' ? 'red' : verdict === 'pass' ? 'green' : 'yellow'}
          data-testid="record-decision"
        >
          Record decision
        </Button>
      </Stack>
    </Card>
  );
}
