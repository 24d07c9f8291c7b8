import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TaxonomyTerm } from '@pi-studio/core/contract/workspace';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { confirmThen } from '../../../ui/confirm.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RenameModal } from '../../../ui/RenameModal.tsx';
import { useTaxonomy } from '../queries.ts';
import { useUpdateTerm } from '../use-update-term.ts';
import { AddTermForm } from './AddTermForm.tsx';

export function TermList({ kind, title }: { kind: TaxonomyKind; title: string }) {
  const terms = useTaxonomy(kind);
  const update = useUpdateTerm();
  const rename = useUpdateTerm();
  const [renaming, setRenaming] = useState<TaxonomyTerm | null>(null);

  const setArchived = (term: TaxonomyTerm, archived: boolean) =>
    update.mutate(
      { id: term.id, archived },
      {
        onSuccess: () => notifySuccess(`${term.label} ${archived ? 'archived' : 'restored'}`),
        onError: (err) => notifyError(err),
      },
    );

  const archive = (term: TaxonomyTerm) =>
    confirmThen(
      {
        title: `Archive ${term.label}`,
        message: 'Archived terms stay on existing products but can no longer be chosen for new ones.',
        confirmLabel: 'Archive',
        danger: true,
      },
      () => setArchived(term, true),
    );

  return (
    <Card withBorder data-testid={`taxonomy-${kind}`}>
      <Stack>
        <Title order={4}>{title}</Title>
        <AddTermForm kind={kind} />
        <QueryState
          query={terms}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={`No ${title.toLowerCase()} yet`}
          testId={`taxonomy-${kind}`}
        >
          {(data) => (
            <Table>
              <Table.Tbody>
                {data.items.map((t) => (
                  <Table.Tr key={t.id} opacity={t.archived ? 0.55 : 1} data-testid={`term-row-${t.code}`}>
                    <Table.Td>
                      <Text size="sm">{t.label}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {t.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t.archived && <Badge color="gray">archived</Badge>}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setRenaming(t)}
                          data-testid="term-rename"
                        >
                          Rename
                        </Button>
                        {t.archived ? (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => setArchived(t, false)}
                            data-testid="term-unarchive"
                          >
                            Unarchive
                          </Button>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => archive(t)}
                            data-testid="term-archive"
                          >
                            Archive
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
      {renaming && (
        // Only the label changes: the code is referenced by stored products.
        <RenameModal
          title={`Rename ${renaming.code}`}
          label="Label"
          field="label"
          initial={renaming.label}
          testId="taxonomy-rename"
          save={(label) => rename.mutateAsync({ id: renaming.id, label })}
          successMessage={`Renamed ${renaming.code}`}
          onClose={() => setRenaming(null)}
        />
      )}
    </Card>
  );
}
