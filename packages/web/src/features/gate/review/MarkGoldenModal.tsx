// Marks a passed version (or a passage of it) as the golden example for one criterion; fixes then cite it.
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { criterionLabel } from '../../../lib/labels.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useVersion } from '../../documents/queries.ts';
import { subsidiaryOf } from '../access.ts';
import type { GateReview } from '../api.ts';
import { useMarkGolden } from '../use-mark-golden.ts';

type Props = { review: GateReview; opened: boolean; onClose: () => void };

export function MarkGoldenModal({ review, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Mark as golden" size="lg" centered>
      {opened ? <MarkGoldenForm review={review} onDone={onClose} /> : null}
    </Modal>
  );
}

function MarkGoldenForm({ review, onDone }: { review: GateReview; onDone: () => void }) {
  const mark = useMarkGolden();
  const body = useVersion(review.document.id, review.version);
  const source = useRef<HTMLTextAreaElement>(null);
  const best = [...review.criteria].sort((a, b) => b.score - a.score)[0]?.id ?? null;
  const [criterion, setCriterion] = useState<string | null>(best);
  const [passage, setPassage] = useState('');

  const takeSelection = () => {
    const el = source.current;
    if (!el) return;
    const picked = el.value.slice(el.selectionStart, el.selectionEnd).trim();
    if (picked) setPassage(picked);
  };
  const submit = () => {
    if (!criterion) return;
    mark.mutate(
      {
        documentId: review.document.id,
        version: review.version,
        criterion,
        text: passage.trim() || undefined,
        subsidiary: subsidiaryOf(review.product),
        productType: review.product.productType,
      },
      {
        onSuccess: () => {
          notifySuccess(
            `${review.document.code} v${review.version} is now a golden example for ${criterionLabel(criterion, review.criteria)}.`,
          );
          onDone();
        },
      },
    );
  };

  return (
    <Stack data-testid="mark-golden-form">
      <Select
        label="Criterion"
        data={review.criteria.map((c) => ({ value: c.id, label: `${c.name} (${Math.round(c.score * 100)}%)` }))}
        value={criterion}
        onChange={setCriterion}
        allowDeselect={false}
        error={fieldError(mark.error, 'criterion')}
        data-testid="golden-criterion"
      />
      <Textarea
        ref={source}
        label={`${review.document.code} v${review.version}`}
        description="Select a passage and press “Use selection”, or leave the passage empty to use the section the criterion found."
        value={body.data?.body ?? (body.isPending ? 'Loading…' : 'The version could not be loaded.')}
        readOnly
        autosize
        minRows={6}
        maxRows={12}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={takeSelection} disabled={!body.data}>
          Use selection
        </Button>
      </Group>
      <Textarea
        label="Passage"
        placeholder="Empty: the section the criterion found"
        value={passage}
        onChange={(e) => setPassage(e.currentTarget.value)}
        error={fieldError(mark.error, 'text')}
        autosize
        minRows={2}
        maxRows={8}
        data-testid="golden-passage"
      />
      <FormError error={mark.error} fields={['criterion', 'text']} />
      <Text size="xs" c="dimmed">
        Filed under {subsidiaryOf(review.product)} · {review.product.productType}.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={mark.isPending} disabled={!criterion} data-testid="golden-save">
          Mark as golden
        </Button>
      </Group>
    </Stack>
  );
}
