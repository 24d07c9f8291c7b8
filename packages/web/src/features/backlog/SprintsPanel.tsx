// Sprints: plan one by name, add stories to it, start it (the server records the PRD baseline and the stories it
// commits to), end it. The active sprint comes first with its stories; each sprint keeps its clarification log.
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormError } from '../../ui/FormError.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Sprint } from './api.ts';
import { useSprints } from './queries.ts';
import type { EditorTarget } from './StoryEditor.tsx';
import { SprintCard } from './sprints/SprintCard.tsx';
import { SprintStoryPicker } from './sprints/SprintStoryPicker.tsx';
import { useCreateSprint } from './use-create-sprint.ts';

type Props = { code: string; canWrite: boolean; onOpen: (target: EditorTarget) => void };

export function SprintsPanel({ code, canWrite, onOpen }: Props) {
  const sprints = useSprints(code);
  const active = sprints.data?.find((s) => s.status === 'active') ?? null;
  const [picking, setPicking] = useState<Sprint | null>(null);
  return (
    <Stack gap="md" data-testid="sprints-panel">
      {canWrite ? <NewSprintForm code={code} /> : null}
      {active ? (
        <SprintCard
          code={code}
          sprint={active}
          canWrite={canWrite}
          onOpen={onOpen}
          onAddStories={setPicking}
          expanded
        />
      ) : null}
      <QueryState
        query={sprints}
        testId="sprints"
        isEmpty={(list) => list.length === 0}
        emptyTitle="No sprints yet"
        emptyDescription="Plan a sprint by name, put stories in it from the story editor, then start it: the start records the PRD baseline and the stories the sprint commits to."
      >
        {(list) => (
          <Stack gap="xs">
            {list
              .filter((s) => s.status !== 'active')
              .map((s) => (
                <SprintCard
                  key={s.id}
                  code={code}
                  sprint={s}
                  canWrite={canWrite}
                  onOpen={onOpen}
                  otherActive={active !== null}
                  onAddStories={setPicking}
                />
              ))}
          </Stack>
        )}
      </QueryState>
      <SprintStoryPicker code={code} sprint={picking} onClose={() => setPicking(null)} />
    </Stack>
  );
}

function NewSprintForm({ code }: { code: string }) {
  const [name, setName] = useState('');
  const create = useCreateSprint(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (s) => {
        setName('');
        notifySuccess(`${s.name} planned. Put stories in it from the story editor, then start it.`, 'Sprint planned');
      },
    });
  };
  return (
    <form onSubmit={submit} data-testid="new-sprint-form">
      <Stack gap={6}>
        <FormError error={create.error} fields={['name']} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="New sprint"
            placeholder="Sprint 1"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            maxLength={120}
            style={{ flex: 1 }}
            data-testid="new-sprint-name"
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="new-sprint-save">
            Plan sprint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
