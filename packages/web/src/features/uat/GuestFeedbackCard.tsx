// A guest tester's own words beside the cases ("the refund list is slow on my phone"): they land in the product's
// one feedback inbox with the guest as author, so nothing said during UAT stays in a chat.
import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useSendGuestFeedback } from './use-send-guest-feedback.ts';

export function GuestFeedbackCard({ token }: { token: string }) {
  const [text, setText] = useState('');
  const send = useSendGuestFeedback(token);
  const sent = send.data;
  const submit = () => {
    if (text.trim()) send.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <Card withBorder padding="md" data-testid="guest-feedback">
      <Stack gap="xs">
        <Title order={4}>Anything else to tell the team?</Title>
        <Text size="sm" c="dimmed">
          An idea, something confusing, a problem outside the cases: it reaches the product team's feedback inbox under
          your name.
        </Text>
        <Textarea
          label="Your feedback"
          autosize
          minRows={3}
          maxLength={8000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError(send.error, 'text')}
          data-testid="guest-feedback-text"
        />
        <FormError error={send.error} fields={['text']} />
        <Button
          size="md"
          className="uat-tap"
          onClick={submit}
          loading={send.isPending}
          disabled={!text.trim()}
          data-testid="guest-feedback-send"
        >
          Send feedback
        </Button>
        {sent && !send.isPending ? (
          <Text size="sm" c="green.8" role="status" data-testid="guest-feedback-sent">
            Thank you: sent as {sent.key}.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
