import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { PersonPicker } from '../../workspace/PersonPicker.tsx';
import { isoDateInDays } from '../format.ts';
import { useAddCondition } from '../use-add-condition.ts';

/** A new fix item; owners are picked from the product's subsidiary. */
export function AddConditionForm({ reviewId, subsidiary }: { reviewId: string; subsidiary: string }) {
  const add = useAddCondition(reviewId);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState(isoDateInDays(14));
  const submit = () =>
    add.mutate(
      { text: text.trim(), ownerId: ownerId ?? undefined, dueDate },
      {
        onSuccess: () => {
          setText('');
          setOwnerId(null);
        },
      },
    );
  return (
    <Stack gap="xs" data-testid="add-condition-form" pt="xs">
      <Textarea
        label="New condition"
        placeholder="e.g. Add Given/When/Then for FR-3 refunds"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={fieldError(add.error, 'text')}
        autosize
        minRows={1}
        data-testid="condition-text"
      />
      <Group grow align="flex-start">
        <PersonPicker
          label="Owner"
          value={ownerId}
          onChange={setOwnerId}
          subsidiary={subsidiary}
          error={fieldError(add.error, 'ownerId')}
          data-testid="condition-owner"
        />
        <TextInput
          type="date"
          label="Due"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={fieldError(add.error, 'dueDate')}
          data-testid="condition-due"
        />
      </Group>
      <FormError error={add.error} fields={['text', 'ownerId', 'dueDate']} />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          onClick={submit}
          loading={add.isPending}
          disabled={!text.trim() || !dueDate}
          data-testid="add-condition"
        >
          Add condition
        </Button>
      </Group>
    </Stack>
  );
}
