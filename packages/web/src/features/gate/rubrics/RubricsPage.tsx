// /gate/rubrics: rubric versions, their definitions, new versions from a form (or JSON), and which one is active.
import { Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { type PersonRef, personName } from '../../../lib/people.ts';
import { confirmAction } from '../../../ui/confirm.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { useSession } from '../../auth/session.tsx';
import { canCurateGate } from '../access.ts';
import type { RubricSummary } from '../api.ts';
import { useRubric, useRubrics } from '../queries.ts';
import { GateNav } from '../ui/GateNav.tsx';
import { useActivateRubric } from '../use-activate-rubric.ts';
import { RubricDefinitionView } from './RubricDefinitionView.tsx';
import { RubricEditor } from './RubricEditor.tsx';

export function RubricsPage() {
  const me = useSession();
  const canEdit = canCurateGate(me);
  const rubrics = useRubrics();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = rubrics.data ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? items.find((r) => r.active) ?? items[0] ?? null;

  return (
    <Stack gap="md" data-testid="gate-rubrics-page">
      <GateNav
        current="/gate/rubrics"
        description="Versioned scoring rules. New submissions use the active version; a review keeps the one it was scored with."
        actions={
          canEdit && !creating ? (
            <Button onClick={() => setCreating(true)} data-testid="new-rubric-version">
              New version
            </Button>
          ) : null
        }
      />
      {rubrics.isPending ? (
        <LoadingState label="Loading rubrics…" />
      ) : rubrics.isError ? (
        <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : creating ? (
        <RubricEditor
          base={selected}
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelectedId(id);
          }}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No rubrics stored">The built-in default rubric v1 is used until one is created.</EmptyState>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <RubricTable items={items} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? <RubricDefinition rubric={selected} canEdit={canEdit} /> : null}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function RubricTable({
  items,
  selectedId,
  onSelect,
}: {
  items: RubricSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Card withBorder radius="md" p={0}>
      <Table highlightOnHover data-testid="rubric-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rubric</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr
              key={r.id}
              onClick={() => onSelect(r.id)}
              style={{ cursor: 'pointer' }}
              bg={r.id === selectedId ? 'var(--mantine-color-indigo-light)' : undefined}
              data-testid="rubric-row"
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.rubricId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm">v{r.version}</Text>
                  {r.active ? (
                    <Badge size="sm" color="green" data-testid="rubric-active">
                      active
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(r.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {personName(r.author as PersonRef, 'built-in')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function RubricDefinition({ rubric, canEdit }: { rubric: RubricSummary; canEdit: boolean }) {
  const detail = useRubric(rubric.id);
  const activate = useActivateRubric();
  const onActivate = async () => {
    const ok = await confirmAction({
      title: `Activate ${rubric.rubricId} v${rubric.version}?`,
      message:
        'New gate submissions and the live gate in the editor will score with this version. Past reviews keep theirs.',
      confirmLabel: 'Activate',
    });
    if (!ok) return;
    activate.mutate(rubric.id, {
      onSuccess: () => notifySuccess(`${rubric.rubricId} v${rubric.version} is now active.`),
      onError: (err) => notifyError(err, 'Not activated'),
    });
  };
  return (
    <Card withBorder radius="md" data-testid="rubric-definition">
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          {rubric.name} v{rubric.version}
        </Title>
        {canEdit && !rubric.active ? (
          <Button
            size="xs"
            onClick={() => void onActivate()}
            loading={activate.isPending}
            data-testid="activate-rubric"
          >
            Activate
          </Button>
        ) : null}
      </Group>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <RubricDefinitionView definition={detail.data.definition} />
      )}
    </Card>
  );
}
