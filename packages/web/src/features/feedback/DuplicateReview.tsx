// Two items that say nearly the same, side by side: the similarity in words ("similar to P-FB-1: 82% — shared: …"),
// each text with the shared words marked, who said it and where. "Mark duplicate" makes the newer item a duplicate
// of the older (its sources are added to the original's); "Not a duplicate" records on the server that the two are
// different, so the pair is suggested to nobody again.
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormError } from '../../ui/FormError.tsx';
import type { FeedbackItem } from './api.ts';
import { type DuplicatePair, markShared } from './duplicates.ts';
import { ageLabel, provenanceLine, STATUS_LABEL } from './format.ts';
import { SourceBadge } from './SourceBadge.tsx';
import { useMarkDistinct } from './use-mark-distinct.ts';
import { useTriageFeedback } from './use-triage-feedback.ts';

type Props = {
  code: string;
  pair: DuplicatePair | null;
  /** "2 of 5" while going through every suggestion. */
  position?: string;
  canTriage: boolean;
  /** The pair was recorded as not duplicates (the list of such pairs is refetched by then). */
  onNotDuplicate: (pair: DuplicatePair) => void;
  onClose: () => void;
};

export function DuplicateReview({ code, pair, position, canTriage, onNotDuplicate, onClose }: Props) {
  const triage = useTriageFeedback(code);
  const markDuplicate = (p: DuplicatePair) =>
    triage.mutate(
      { key: p.item.key, body: { action: 'duplicate', of: p.original.key } },
      {
        onSuccess: () => {
          notifySuccess(`${p.item.key} is a duplicate of ${p.original.key}.`, 'Triaged');
          triage.reset();
        },
      },
    );
  const distinct = useMarkDistinct(code);
  const notDuplicate = (p: DuplicatePair) =>
    distinct.mutate(
      { key: p.item.key, of: p.original.key },
      {
        onSuccess: () => {
          distinct.reset();
          onNotDuplicate(p);
        },
      },
    );
  return (
    <Modal opened={pair !== null} onClose={onClose} title="Possible duplicate" size="xl">
      {pair ? (
        <Stack gap="sm" data-testid="duplicate-review" data-item={pair.item.key} data-original={pair.original.key}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600} data-testid="duplicate-explanation" style={{ overflowWrap: 'anywhere' }}>
              {pair.item.key} is {pair.explanation}
            </Text>
            {position ? (
              <Text size="xs" c="dimmed">
                {position}
              </Text>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Side item={pair.item} other={pair.original} heading="Newer, waiting for triage" />
            <Side item={pair.original} other={pair.item} heading="Original" />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Shared words are marked. Marking a duplicate keeps every source: {pair.item.key}’s are added to{' '}
            {pair.original.key}’s.
          </Text>
          <FormError error={triage.error ?? distinct.error} testId="duplicate-error" />
          {canTriage ? (
            <Group justify="flex-end" gap="xs" wrap="wrap">
              <Button
                variant="default"
                loading={distinct.isPending}
                disabled={triage.isPending}
                onClick={() => notDuplicate(pair)}
                data-testid="duplicate-dismiss"
              >
                Not a duplicate
              </Button>
              <Button loading={triage.isPending} onClick={() => markDuplicate(pair)} data-testid="duplicate-confirm">
                Mark as duplicate
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}

function Side({ item, other, heading }: { item: FeedbackItem; other: FeedbackItem; heading: string }) {
  const age = ageLabel(item.ageDays);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="duplicate-side" data-key={item.key}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {heading}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text ff="monospace" size="xs">
            {item.key}
          </Text>
          <SourceBadge source={item.source} />
          <Badge size="sm" variant="light" tt="none">
            {age ?? STATUS_LABEL[item.status]}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }} data-testid="duplicate-text">
          {markShared(item.text, other.text).map((run, i) =>
            run.shared ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: runs are fixed for the text shown
              <mark key={i} className="feedback-shared">
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {provenanceLine(item)} · {formatDateTime(item.provenance[0]?.originalTime ?? item.createdAt)}
        </Text>
      </Stack>
    </Paper>
  );
}
