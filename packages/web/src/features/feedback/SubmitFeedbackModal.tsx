// The in-app form: what someone said, and who said it when it was not you (a customer on the phone). The answer
// names the open items it nearly repeats, so the person sees at once that it was heard before.
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FEEDBACK_LIMITS } from '@pi-studio/core/contract/feedback';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { FeedbackSubmitted } from './api.ts';
import { useSubmitFeedback } from './use-submit-feedback.ts';

export function SubmitFeedbackModal({ code, opened, onClose }: { code: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add feedback" size="lg">
      {opened ? <SubmitForm code={code} onClose={onClose} /> : null}
    </Modal>
  );
}

function SubmitForm({ code, onClose }: { code: string; onClose: () => void }) {
  const submit = useSubmitFeedback(code);
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [done, setDone] = useState<FeedbackSubmitted | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(
      { text, author: author.trim() || undefined },
      {
        onSuccess: (r) => {
          notifySuccess(`${r.item.key} is in the inbox.`, 'Feedback added');
          if (r.similar.length === 0) onClose();
          else setDone(r);
        },
      },
    );
  };

  if (done) {
    return (
      <Stack gap="sm" data-testid="feedback-submitted">
        <Alert color="orange" variant="light" title={`${done.item.key} looks like feedback heard before`}>
          <Stack gap={4}>
            {done.similar.map((s) => (
              <Text size="sm" key={s.key} data-testid="feedback-submitted-similar">
                {s.explanation}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              Review the pair side by side in the inbox and mark it a duplicate, or leave both.
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="feedback-submitted-close">
            Close
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} data-testid="feedback-form">
      <Stack gap="sm">
        <Textarea
          label="Feedback"
          description="In the words it was given; one point per item works best."
          required
          autosize
          minRows={3}
          maxLength={FEEDBACK_LIMITS.text}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError(submit.error, 'text')}
          data-autofocus
          data-testid="feedback-text-input"
        />
        <TextInput
          label="Who said it"
          description="Leave empty when it is your own feedback."
          maxLength={FEEDBACK_LIMITS.author}
          value={author}
          onChange={(e) => setAuthor(e.currentTarget.value)}
          error={fieldError(submit.error, 'author')}
          data-testid="feedback-author-input"
        />
        <FormError error={submit.error} fields={['text', 'author']} testId="feedback-form-error" />
        <FormActions
          onCancel={onClose}
          submitLabel="Add feedback"
          loading={submit.isPending}
          disabled={text.trim() === ''}
          testId="feedback-submit"
        />
      </Stack>
    </form>
  );
}
