import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import type { Subsidiary } from '@pi-studio/core/contract/workspace';
import { useState } from 'react';
import { roleLabel } from '../../../lib/labels.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RenameModal } from '../../../ui/RenameModal.tsx';
import { useSubsidiaries } from '../queries.ts';
import { useRenameSubsidiary } from '../use-rename-subsidiary.ts';
import { CreateSubsidiaryForm } from './CreateSubsidiaryForm.tsx';

export function SubsidiariesTab() {
  const subsidiaries = useSubsidiaries();
  const rename = useRenameSubsidiary();
  const [renaming, setRenaming] = useState<Subsidiary | null>(null);

  return (
    <Stack>
      <CreateSubsidiaryForm />
      <QueryState
        query={subsidiaries}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle="No subsidiaries"
        emptyDescription="Add the first one above."
        testId="subsidiaries"
      >
        {(data) => (
          <Table striped data-testid="subsidiaries-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Products</Table.Th>
                <Table.Th miw={110}>My role</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.id} data-testid={`subsidiary-row-${s.code}`}>
                  <Table.Td>
                    <Text fw={600}>{s.code}</Text>
                  </Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.productCount}</Table.Td>
                  <Table.Td>
                    {s.myRole ? (
                      <Badge variant="light" tt="none">
                        {roleLabel(s.myRole)}
                      </Badge>
                    ) : (
                      <Text c="dimmed">—</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setRenaming(s)}
                      data-testid="subsidiary-rename"
                    >
                      Rename
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {renaming && (
        <RenameModal
          title={`Rename ${renaming.code}`}
          label="Name"
          field="name"
          initial={renaming.name}
          testId="subsidiary-rename"
          save={(name) => rename.mutateAsync({ code: renaming.code, name })}
          successMessage={`${renaming.code} renamed`}
          onClose={() => setRenaming(null)}
        />
      )}
    </Stack>
  );
}
