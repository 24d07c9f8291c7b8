// Sprint planning: pick stories that are in no sprint and put them in this one (the bulk edit, all or nothing). On
// an active sprint the dialog says that what joins now counts as added after the start.
import { Alert, Checkbox, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import type { Sprint } from '../api.ts';
import { fetchStoryPage } from '../api.ts';
import { plural } from '../format.ts';
import { backlogKeys } from '../queries.ts';
import { useBulkUpdate } from '../use-bulk-update.ts';

type Props = { code: string; sprint: Sprint | null; onClose: () => void };

export function SprintStoryPicker({ code, sprint, onClose }: Props) {
  return (
    <Modal opened={sprint !== null} onClose={onClose} title={sprint ? `Add stories to ${sprint.name}` : ''} size="lg">
      {sprint ? <Picker code={code} sprint={sprint} onDone={onClose} /> : null}
    </Modal>
  );
}

function Picker({ code, sprint, onDone }: { code: string; sprint: Sprint; onDone: () => void }) {
  // The first 500 stories in no sprint, by number: enough to plan one sprint.
  const free = useQuery({
    queryKey: [...backlogKeys.storyList(code, { sprint: 'none' }), 'picker'] as const,
    queryFn: () => fetchStoryPage(code, { sprint: 'none' }, undefined, 500),
  });
  const bulk = useBulkUpdate(code);
  const [picked, setPicked] = useState<string[]>([]);
  const submit = () =>
    bulk.mutate(
      { keys: picked, patch: { sprintId: sprint.id } },
      {
        onSuccess: (saved) => {
          notifySuccess(`${plural(saved.length, 'story', 'stories')} added to ${sprint.name}.`, 'Sprint planned');
          onDone();
        },
      },
    );
  return (
    <Stack
      component="form"
      gap="sm"
      data-testid="sprint-story-picker"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {sprint.status === 'active' ? (
        <Alert color="orange" variant="light" p="xs">
          {sprint.name} has started: stories added now are not in its commitment and show as drift.
        </Alert>
      ) : null}
      <QueryState
        query={free}
        testId="picker-stories"
        isEmpty={(p) => p.items.length === 0}
        emptyTitle="Every story is in a sprint"
        emptyDescription="New stories and bugs start in no sprint; write or generate some first."
      >
        {(page) => (
          <ScrollArea.Autosize mah={360}>
            <Checkbox.Group value={picked} onChange={setPicked}>
              <Stack gap={6}>
                {page.items.map((s) => (
                  <Checkbox key={s.id} value={s.key} label={`${s.key} · ${s.title}`} data-testid="picker-story" />
                ))}
              </Stack>
            </Checkbox.Group>
            {page.nextCursor ? (
              <Text size="xs" c="dimmed" mt="xs">
                The first {page.items.length} stories in no sprint are listed.
              </Text>
            ) : null}
          </ScrollArea.Autosize>
        )}
      </QueryState>
      <FormError error={bulk.error} />
      <FormActions
        onCancel={onDone}
        submitLabel={picked.length ? `Add ${plural(picked.length, 'story', 'stories')}` : 'Add stories'}
        loading={bulk.isPending}
        disabled={picked.length === 0}
        testId="picker-save"
      />
    </Stack>
  );
}
