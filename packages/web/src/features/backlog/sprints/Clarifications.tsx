// A sprint's clarification log: who asked what and when, who answered and how long it took. Anyone who may write the
// backlog asks (until the sprint ends) and answers; a question is answered once.
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { CLARIFICATION_LIMITS } from '@pi-studio/core/contract/backlog';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import type { Sprint } from '../api.ts';
import type { Clarification } from './api.ts';
import { durationLabel } from './metrics.ts';
import { useAnswerClarification, useAskClarification, useClarifications } from './queries.ts';

type Props = { code: string; sprint: Sprint; canWrite: boolean };

export function Clarifications({ code, sprint, canWrite }: Props) {
  const list = useClarifications(code, sprint.id, true);
  return (
    <Stack gap="xs" data-testid="clarifications">
      <QueryState
        query={list}
        testId="clarifications-list"
        isEmpty={(items) => items.length === 0}
        emptyTitle="No clarifications asked"
        emptyDescription="When something in a story or the PRD is unclear during the sprint, ask here: the answer stays with the sprint, and the count shows how clear the PRD was."
      >
        {(items) => (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((c) => (
              <ClarificationItem key={c.id} code={code} sprintId={sprint.id} item={c} canWrite={canWrite} />
            ))}
          </Stack>
        )}
      </QueryState>
      {canWrite && sprint.status !== 'ended' ? <AskForm code={code} sprintId={sprint.id} /> : null}
    </Stack>
  );
}

function AskForm({ code, sprintId }: { code: string; sprintId: string }) {
  const ask = useAskClarification(code, sprintId);
  const [question, setQuestion] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate(question.trim(), { onSuccess: () => setQuestion('') });
  };
  return (
    <form onSubmit={submit} data-testid="ask-clarification">
      <Stack gap={6}>
        <Textarea
          label="Ask a clarification"
          placeholder="What is unclear, and in which story or requirement?"
          autosize
          minRows={2}
          maxLength={CLARIFICATION_LIMITS.question}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={fieldError(ask.error, 'question')}
          data-testid="clarification-question"
        />
        <FormError error={ask.error} fields={['question']} />
        <Group justify="flex-end">
          <Button
            type="submit"
            size="xs"
            loading={ask.isPending}
            disabled={!question.trim()}
            data-testid="clarification-ask"
          >
            Ask
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClarificationItem({
  code,
  sprintId,
  item: c,
  canWrite,
}: {
  code: string;
  sprintId: string;
  item: Clarification;
  canWrite: boolean;
}) {
  const answer = useAnswerClarification(code, sprintId);
  const [text, setText] = useState('');
  const waited = c.answeredAt !== null ? (Date.parse(c.answeredAt) - Date.parse(c.askedAt)) / 60_000 : null;
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="clarification" data-answered={c.answer !== null}>
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {c.askedBy?.name ?? 'A removed account'} asked {formatDateTime(c.askedAt)}
          </Text>
          {c.midSprint ? (
            <Badge size="xs" variant="light" color="orange" tt="none">
              Mid-sprint
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="clarification-text">
          {c.question}
        </Text>
        {c.answer !== null ? (
          <Text size="sm" c="teal.8" style={{ whiteSpace: 'pre-wrap' }} data-testid="clarification-answer">
            {c.answeredBy?.name ?? 'A removed account'}
            {waited !== null ? ` answered after ${durationLabel(waited)}` : ''}: {c.answer}
          </Text>
        ) : canWrite ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              answer.mutate(
                { id: c.id, answer: text.trim() },
                { onError: (err) => notifyError(err, 'Answer not saved') },
              );
            }}
          >
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Textarea
                aria-label="Answer"
                placeholder="Answer"
                autosize
                minRows={1}
                maxLength={CLARIFICATION_LIMITS.answer}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                style={{ flex: 1 }}
                data-testid="clarification-answer-input"
              />
              <Button
                type="submit"
                size="xs"
                variant="light"
                loading={answer.isPending}
                disabled={!text.trim()}
                data-testid="clarification-answer-save"
              >
                Answer
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="xs" c="dimmed">
            Not answered yet.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
