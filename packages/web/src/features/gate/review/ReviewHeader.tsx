// Who/what/when of a review and the two scores: the engine's and the effective one after overrides.
import { Badge, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { type PersonRef, personName } from '../../../lib/people.ts';
import { AnchorLink } from '../../../ui/Links.tsx';
import { subsidiaryOf } from '../access.ts';
import type { GateReview } from '../api.ts';
import { VERDICT_COLOR } from '../format.ts';
import { VerdictBadge } from '../ui/VerdictBadge.tsx';

const STATUS = {
  submitted: { label: 'Waiting for review', color: 'grape' },
  decided: { label: 'Decided', color: 'gray' },
  superseded: { label: 'Superseded by a newer version', color: 'orange' },
} as const;

const who = (p: PersonRef) => personName(p, '—');

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div data-testid={testId}>{children}</div>
    </Stack>
  );
}

export function ReviewHeader({ review, actions }: { review: GateReview; actions?: ReactNode }) {
  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <AnchorLink to="/gate" size="sm">
          Gate
        </AnchorLink>
        <AnchorLink to="/products/$code" params={{ code: review.product.code }} size="sm">
          {review.product.code}
        </AnchorLink>
        <Text size="sm">Review</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Badge variant="light" color={STATUS[review.status].color} data-testid="review-status">
              {STATUS[review.status].label}
            </Badge>
            {review.firstTime ? (
              <Tooltip label="Passed on its first submission">
                <Badge variant="outline" color="teal" data-testid="first-time">
                  First-time pass
                </Badge>
              </Tooltip>
            ) : review.attempt === 1 ? (
              <Badge variant="outline" color="gray" data-testid="first-submission">
                First submission
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {review.product.name} · {subsidiaryOf(review.product)} · {review.product.productType}
            </Text>
          </Group>
          <Title order={2} data-testid="review-title">
            <AnchorLink
              to="/documents/$id"
              params={{ id: review.document.id }}
              search={{ version: review.version }}
              inherit
            >
              {review.document.code} v{review.version}
            </AnchorLink>
          </Title>
          <Text size="xs" c="dimmed">
            Attempt {review.attempt} · submitted by {who(review.submittedBy)} {formatDateTime(review.submittedAt)} ·
            rubric {review.rubric.id} v{review.rubric.version}
          </Text>
        </div>
        {actions}
      </Group>
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label="Engine score" testId="engine-score">
            <Text fz={28} fw={800} c={VERDICT_COLOR[review.engine.verdict]}>
              {review.engine.score}
            </Text>
          </Stat>
          <Stat label="Effective score" testId="effective-score">
            <Text fz={28} fw={800} c={VERDICT_COLOR[review.suggestedVerdict ?? review.engine.verdict]}>
              {review.score}
            </Text>
          </Stat>
          <Stat label="Suggested verdict" testId="suggested-verdict">
            <VerdictBadge verdict={review.suggestedVerdict ?? review.engine.verdict} size="lg" />
            {review.suggestedVerdict && review.suggestedVerdict !== review.engine.verdict ? (
              <Text size="xs" c="dimmed" mt={4}>
                engine: {review.engine.verdict}
              </Text>
            ) : null}
          </Stat>
          <Stat label="Decision" testId="decision">
            <VerdictBadge verdict={review.verdict} size="lg" />
            {review.decidedAt ? (
              <Text size="xs" c="dimmed" mt={4}>
                {who(review.decidedBy)} · {formatDateTime(review.decidedAt)}
              </Text>
            ) : null}
          </Stat>
        </SimpleGrid>
        {review.engine.why ? (
          <Text size="sm" mt="sm" c={VERDICT_COLOR[review.engine.verdict]} data-testid="engine-why">
            {review.engine.why}
          </Text>
        ) : null}
        {review.decisionNote ? (
          <Text size="sm" mt="sm" data-testid="decision-note">
            “{review.decisionNote}”
          </Text>
        ) : null}
      </Card>
    </Stack>
  );
}
