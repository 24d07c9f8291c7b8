// On a PRD's page: its gate reviews (newest first) with links, and the submit button for its authors.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatRelative } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/Links.tsx';
import { ErrorState } from '../../ui/States.tsx';
import { useProduct } from '../products/queries.ts';
import { useReviews } from './queries.ts';
import { SubmitToGateButton } from './SubmitToGateButton.tsx';
import { VerdictBadge } from './ui/VerdictBadge.tsx';

type Props = {
  documentId: string;
  documentCode: string;
  productCode: string;
  currentVersion: string;
  canSubmit: boolean;
};

export function DocumentGateCard({ documentId, documentCode, productCode, currentVersion, canSubmit }: Props) {
  const reviews = useReviews({ document: documentId });
  // The product's stage decides what the submit dialog announces (the product page's query, usually cached).
  const product = useProduct(productCode);
  const items = [...(reviews.data ?? [])].sort((a, b) => b.attempt - a.attempt);
  const waiting = items.find((r) => r.status === 'submitted' && r.version === currentVersion);
  return (
    <Card withBorder radius="md" component="aside" aria-label="Quality gate" data-testid="document-gate-card">
      <Title order={5} mb="xs">
        Quality gate
      </Title>
      {reviews.isError ? <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
      <Stack gap={6} mb={canSubmit ? 'sm' : 0}>
        {reviews.isPending ? (
          <Text size="xs" c="dimmed">
            Loading reviews…
          </Text>
        ) : items.length === 0 && !reviews.isError ? (
          <Text size="xs" c="dimmed" data-testid="no-gate-reviews">
            Not submitted yet. The editor shows the live score while you write.
          </Text>
        ) : (
          items.slice(0, 5).map((r) => (
            <Group key={r.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="document-gate-review">
              <AnchorLink to="/gate/reviews/$id" params={{ id: r.id }} size="sm">
                v{r.version} · attempt {r.attempt}
              </AnchorLink>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {r.score}
                </Text>
                <VerdictBadge verdict={r.verdict} status={r.status} size="sm" />
              </Group>
            </Group>
          ))
        )}
        {items[0]?.submittedAt ? (
          <Text size="xs" c="dimmed">
            Last submitted {formatRelative(items[0].submittedAt)}
          </Text>
        ) : null}
      </Stack>
      {canSubmit && waiting ? (
        <Text size="xs" c="dimmed" mb={6} data-testid="gate-waiting">
          v{currentVersion} is waiting for review. Save a new version to resubmit.
        </Text>
      ) : null}
      {canSubmit ? (
        <SubmitToGateButton
          documentId={documentId}
          documentCode={documentCode}
          version={currentVersion}
          productStage={product.data?.product.stage}
          waitingReason={waiting ? `v${currentVersion} is already waiting for review.` : null}
        />
      ) : null}
    </Card>
  );
}
