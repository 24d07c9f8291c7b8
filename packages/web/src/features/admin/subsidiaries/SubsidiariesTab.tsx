import { Badge, Button, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import type { Subsidiary } from '@pi-studio/core/contract/workspace';
import { useState } from 'react';
import { roleLabel } from '../../../lib/labels.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { confirmAction } from '../../../ui/confirm.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RenameModal } from '../../../ui/RenameModal.tsx';
import { useSubsidiaries } from '../queries.ts';
import { useRenameSubsidiary } from '../use-rename-subsidiary.ts';
import { useSetGateFourEyes } from '../use-set-gate-four-eyes.ts';
import { CreateSubsidiaryForm } from './CreateSubsidiaryForm.tsx';

export function SubsidiariesTab() {
  const subsidiaries = useSubsidiaries();
  const rename = useRenameSubsidiary();
  const [renaming, setRenaming] = useState<Subsidiary | null>(null);
  const fourEyes = useSetGateFourEyes();

  const switchFourEyes = async (s: Subsidiary, on: boolean) => {
    if (!on) {
      const ok = await confirmAction({
        title: `Let authors decide their own PRDs in ${s.code}?`,
        message:
          'With the four-eyes rule off, a reviewer who wrote the submitted PRD version may record its verdict. The change is audited.',
        confirmLabel: 'Turn the rule off',
        danger: true,
      });
      if (!ok) return;
    }
    fourEyes.mutate(
      { code: s.code, on },
      {
        onSuccess: () =>
          notifySuccess(
            on
              ? `${s.code}: authors no longer decide their own PRDs.`
              : `${s.code}: authors may decide their own PRDs.`,
            'Four-eyes rule changed',
          ),
        onError: (err) => notifyError(err, 'Rule not changed'),
      },
    );
  };

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
          <Table.ScrollContainer minWidth={620}>
            <Table striped data-testid="subsidiaries-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Products</Table.Th>
                  <Table.Th miw={110}>My role</Table.Th>
                  <Table.Th>
                    <Tooltip
                      label="The author of a submitted PRD version cannot record its gate verdict"
                      multiline
                      w={240}
                    >
                      <span>Four-eyes rule</span>
                    </Tooltip>
                  </Table.Th>
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
                    <Table.Td>
                      <Switch
                        checked={s.gateFourEyes}
                        onChange={(e) => void switchFourEyes(s, e.currentTarget.checked)}
                        disabled={fourEyes.isPending}
                        label={s.gateFourEyes ? 'On' : 'Off'}
                        aria-label={`Four-eyes rule at the gate for ${s.code}`}
                        data-testid="subsidiary-four-eyes"
                      />
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
          </Table.ScrollContainer>
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
