// The readiness review: the agenda generated from the package (what IT reads before the meeting), the meeting record
// the IT owner fills in with the decision, the reviews held so far and, once IT accepted, who owns the product.
import { Badge, Button, Card, CopyButton, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { GAP_SEVERITY_LABELS } from '@pi-studio/core/contract/handover-package';
import { DECISION_LABELS } from '@pi-studio/core/handover-package/review-decision';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import type { HandoverPackage, ReviewSummary } from './api.ts';
import { DECISION_COLOR, plural } from './format.ts';
import { OwnershipCard } from './OwnershipCard.tsx';
import { useAgenda } from './queries.ts';
import { ReviewForm } from './ReviewForm.tsx';

type Props = { code: string; pkg: HandoverPackage; canReview: boolean; itOwnerName: string | null };

// On a phone the form and the reviews come first: the agenda lists every blocker and can run long.

export function ReviewSection({ code, pkg, canReview, itOwnerName }: Props) {
  const open = pkg.status === 'open';
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
        <Agenda code={code} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
        <Stack gap="md">
          {!open ? (
            <>
              <Text size="sm" c="dimmed" data-testid="review-closed">
                IT accepted this package; the next release starts a new one.
              </Text>
              <OwnershipCard code={code} pkg={pkg} canConfirm={canReview} itOwnerName={itOwnerName} />
            </>
          ) : !canReview ? (
            <Text size="sm" c="dimmed" data-testid="review-not-it-owner">
              {itOwnerName ? `${itOwnerName}, the product's IT owner,` : "The product's IT owner"} records the review
              and IT's decision.
            </Text>
          ) : pkg.stage !== 'handover' ? (
            <Text size="sm" c="dimmed" data-testid="review-not-in-handover">
              The review is recorded once the product is in the Handover stage.
            </Text>
          ) : (
            <ReviewForm code={code} pkg={pkg} />
          )}
          <PastReviews reviews={pkg.reviews} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Agenda({ code }: { code: string }) {
  const agenda = useAgenda(code);
  return (
    <Card withBorder radius="md" component="section" aria-label="Agenda" data-testid="review-agenda">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={4}>Agenda</Title>
        {agenda.data ? (
          <CopyButton value={agenda.data.markdown}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" onClick={copy} data-testid="copy-agenda">
                {copied ? 'Copied' : 'Copy as Markdown'}
              </Button>
            )}
          </CopyButton>
        ) : null}
      </Group>
      <QueryState query={agenda} isEmpty={(d) => d.sections.length === 0} emptyTitle="No agenda" testId="agenda">
        {(d) => (
          <Stack gap="sm">
            {d.sections.map((s) => (
              <Stack key={s.title} gap={2}>
                <Text size="sm" fw={600}>
                  {s.title}
                </Text>
                <List size="sm" spacing={2}>
                  {s.lines.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed server list; entries can repeat
                    <List.Item key={`${i}:${line}`} style={{ overflowWrap: 'anywhere' }}>
                      {line}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function PastReviews({ reviews }: { reviews: ReviewSummary[] }) {
  return (
    <Card withBorder radius="md" component="section" aria-label="Reviews held" data-testid="past-reviews">
      <Title order={4} mb="xs">
        Reviews held
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      ) : (
        <Stack gap="md">
          {[...reviews]
            .sort((a, b) => b.number - a.number)
            .map((r) => (
              <Stack key={r.id} gap={4} data-testid="past-review" data-decision={r.decision}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    Review {r.number} · {formatDate(r.reviewDate)}
                  </Text>
                  <Badge color={DECISION_COLOR[r.decision]} variant="light" data-testid="past-review-decision">
                    {r.decisionLabel || DECISION_LABELS[r.decision]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    score {r.score}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  Decided by {personName(r.decidedBy, 'someone')} · recorded {formatDateTime(r.createdAt)}
                </Text>
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {plural(r.attendees.length, 'attendee')}: {r.attendees.map((a) => `${a.name} (${a.role})`).join(', ')}
                </Text>
                {r.rejectionItemIds.length ? <Text size="xs">Blocking: {r.rejectionItemIds.join(', ')}</Text> : null}
                {r.gaps.length ? (
                  <List size="xs" spacing={2}>
                    {r.gaps.map((g, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed server list; entries can repeat
                      <List.Item key={`${g.itemId ?? 'gap'}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                        {g.itemId ? `${g.itemId}: ` : ''}
                        {g.description} — {GAP_SEVERITY_LABELS[g.severity]}, {g.owner}, due {formatDate(g.dueDate)}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
                {r.notes ? (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {r.notes}
                  </Text>
                ) : null}
              </Stack>
            ))}
        </Stack>
      )}
    </Card>
  );
}
