// /gate/reviews/$id: what the engine found, what changed since the last attempt, and the reviewer's tools.
import { Button, Grid, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../ui/States.tsx';
import { canWriteDocuments, useSession } from '../../auth/session.tsx';
import { canCurateGate, canReviewGate, subsidiaryOf } from '../access.ts';
import { useReview } from '../queries.ts';
import { ChangesCard } from './ChangesCard.tsx';
import { ConditionsCard } from './ConditionsCard.tsx';
import { CriteriaCard } from './CriteriaCard.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { FindingsCard } from './FindingsCard.tsx';
import { MarkGoldenModal } from './MarkGoldenModal.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';

const route = getRouteApi('/gate/reviews/$id');

export function ReviewPage() {
  const { id } = route.useParams();
  const me = useSession();
  const query = useReview(id);
  const [golden, setGolden] = useState(false);

  if (query.isPending) return <LoadingState label="Loading review…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const review = query.data;
  const reviewer = canReviewGate(me, subsidiaryOf(review.product));
  const open = review.status === 'submitted';
  const passed = review.verdict === 'pass' || review.verdict === 'conditional';

  return (
    <Stack gap="md" data-testid="review-page" data-status={review.status}>
      <ReviewHeader
        review={review}
        actions={
          passed && canCurateGate(me) ? (
            <Button variant="light" color="yellow" onClick={() => setGolden(true)} data-testid="mark-golden">
              Mark as golden…
            </Button>
          ) : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {review.changes ? (
              <ChangesCard changes={review.changes} previousReviewId={review.previousReviewId} />
            ) : null}
            <FindingsCard review={review} canWaive={reviewer && open} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CriteriaCard review={review} canOverride={reviewer && open} />
            <ConditionsCard
              review={review}
              canAdd={reviewer && open}
              canTick={reviewer || canWriteDocuments(me, subsidiaryOf(review.product))}
            />
            {reviewer && open ? <DecisionCard review={review} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <MarkGoldenModal review={review} opened={golden} onClose={() => setGolden(false)} />
    </Stack>
  );
}
