// /handover/templates: the readiness checklist templates by version (the built-in v1 and those ProductOps published),
// one version's items per product type, and, for administrators and ProductOps, a new version from the one shown.
// Everyone else reads; the server answers 403 to a publish from them.
import { Alert, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { AnchorLink } from '../../ui/Links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { canEditTemplates } from './access.ts';
import type { ChecklistTemplateBody } from './api.ts';
import { useTemplate, useTemplates } from './queries.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateView } from './TemplateView.tsx';
import { families, nextVersionDraft, type TemplateFamily } from './template-form.ts';

type Selected = { id: string; version: number };

export function TemplatesPage() {
  const me = useSession();
  const canEdit = canEditTemplates(me);
  const list = useTemplates();
  const [picked, setPicked] = useState<Selected | null>(null);
  const [draft, setDraft] = useState<{ base: ChecklistTemplateBody; initial: ChecklistTemplateBody } | null>(null);
  const all = families(list.data?.items ?? []);
  const first = all[0]?.versions[0];
  const selected = picked ?? (first ? { id: first.id, version: first.version } : null);
  const family = all.find((f) => f.id === selected?.id) ?? null;
  const detail = useTemplate(selected?.id ?? null, selected?.version ?? null);

  const startVersion = () => {
    if (detail.data && family)
      setDraft({ base: detail.data, initial: nextVersionDraft(detail.data, family.versions[0]?.version ?? 0) });
  };

  return (
    <Stack gap="md" data-testid="templates-page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} maw={760}>
          <Title order={2}>Checklist templates</Title>
          <Text size="sm" c="dimmed">
            The readiness checklist (Definition of Done) a handover package is built from, per product type. A new
            package uses the newest version; a package keeps the version it was built from.
          </Text>
        </Stack>
        <Group gap="md" wrap="wrap">
          <AnchorLink to="/handover/checkpoint" size="sm">
            Checkpoint
          </AnchorLink>
          <AnchorLink to="/handover/stats" size="sm">
            Statistics
          </AnchorLink>
        </Group>
      </Group>
      {!canEdit ? (
        <Alert color="gray" variant="light" data-testid="templates-read-only">
          You can read the templates. Administrators and ProductOps publish new versions.
        </Alert>
      ) : null}
      {list.isPending ? (
        <LoadingState label="Loading the checklist templates…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : all.length === 0 || !selected ? (
        <EmptyState title="No checklist template yet">
          Handover packages need a readiness checklist template; the built-in one appears here once the server has it.
        </EmptyState>
      ) : draft ? (
        <TemplateEditor
          key={draft.initial.version}
          base={draft.base}
          initial={draft.initial}
          onCancel={() => setDraft(null)}
          onCreated={(version) => {
            setDraft(null);
            setPicked({ id: draft.initial.id, version });
          }}
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {all.map((f) => (
                <VersionHistory key={f.id} family={f} selected={selected} onSelect={setPicked} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" data-testid="template-detail">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
                <Title order={4} data-testid="template-detail-title">
                  {detail.data ? `${detail.data.title} v${detail.data.version}` : `v${selected.version}`}
                </Title>
                {canEdit ? (
                  <Button onClick={startVersion} disabled={!detail.data} data-testid="template-new-version">
                    New version from this one
                  </Button>
                ) : null}
              </Group>
              {detail.isPending ? (
                <LoadingState label="Loading the version…" />
              ) : detail.isError ? (
                <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
              ) : (
                <TemplateView key={`${selected.id}-${selected.version}`} template={detail.data} />
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function VersionHistory({
  family,
  selected,
  onSelect,
}: {
  family: TemplateFamily;
  selected: Selected;
  onSelect: (s: Selected) => void;
}) {
  const newest = family.versions[0]?.version;
  return (
    <Card withBorder radius="md" p={0} data-testid="template-family" data-template={family.id}>
      <Stack gap={0} p="sm" pb="xs">
        <Text fw={600}>{family.title}</Text>
        <Text size="xs" c="dimmed">
          Version history, newest first
        </Text>
      </Stack>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Items</Table.Th>
            <Table.Th>Published</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {family.versions.map((v) => {
            const isSelected = v.id === selected.id && v.version === selected.version;
            return (
              <Table.Tr
                key={v.version}
                onClick={() => onSelect({ id: v.id, version: v.version })}
                style={{ cursor: 'pointer' }}
                bg={isSelected ? 'var(--mantine-color-indigo-light)' : undefined}
                aria-selected={isSelected}
                data-testid="template-version-row"
                data-version={v.version}
              >
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      px={4}
                      onClick={() => onSelect({ id: v.id, version: v.version })}
                    >
                      v{v.version}
                    </Button>
                    {v.version === newest ? (
                      <Badge size="xs" color="green" data-testid="template-newest">
                        new packages
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.items}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{v.builtIn ? 'Built in' : formatDate(v.createdAt)}</Text>
                  {v.builtIn ? null : (
                    <Text size="xs" c="dimmed">
                      {personName(v.createdBy)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
