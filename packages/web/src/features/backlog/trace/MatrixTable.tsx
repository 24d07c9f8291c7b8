// Requirements × stories: one row per requirement with the stories that build it and the bugs filed against it.
// Requirements no story covers are highlighted; removed ones stay as greyed rows (counted neither way). Once the
// product has UAT test cases (`uat`), each row goes on to its cases, their results, defects and retests (issue #13).
import { Badge, Group, Table, Text } from '@mantine/core';
import type { TraceMatrix } from './api.ts';
import { CasesCell, DefectsCell } from './MatrixUatCells.tsx';
import { openDefectsLabel } from './matrix-uat.ts';

type Row = TraceMatrix['rows'][number];
type Item = Row['stories'][number];

function Keys({ items, onOpen, empty }: { items: readonly Item[]; onOpen: (key: string) => void; empty: string }) {
  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {items.map((s) => (
        <Badge
          key={s.key}
          component="button"
          type="button"
          variant="outline"
          color={s.kind === 'bug' ? 'red' : 'blue'}
          tt="none"
          style={{ cursor: 'pointer' }}
          onClick={() => onOpen(s.key)}
          aria-label={`Open ${s.key}`}
        >
          {s.key}
        </Badge>
      ))}
    </Group>
  );
}

type Props = {
  rows: readonly Row[];
  onOpen: (key: string) => void;
  /** Show the UAT columns (test cases, defects, open defects). */
  uat: boolean;
  onOpenCase: (caseKey: string) => void;
};

export function MatrixTable({ rows, onOpen, uat, onOpenCase }: Props) {
  return (
    // The table scrolls inside its container, so a phone scrolls the matrix, not the page.
    <Table.ScrollContainer minWidth={uat ? 1080 : 640}>
      <Table verticalSpacing="xs" striped={false} data-testid="matrix-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Requirement</Table.Th>
            <Table.Th>Text</Table.Th>
            <Table.Th w={90}>Priority</Table.Th>
            <Table.Th>Stories</Table.Th>
            <Table.Th>Bugs</Table.Th>
            {uat ? (
              <>
                <Table.Th>Test cases</Table.Th>
                <Table.Th>Defects</Table.Th>
                <Table.Th w={110}>Open defects</Table.Th>
              </>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const gap = !row.covered && !row.requirement.removed;
            return (
              <Table.Tr
                key={row.requirement.id}
                data-testid="matrix-row"
                data-key={row.requirement.id}
                data-gap={gap || undefined}
                bg={gap ? 'var(--mantine-color-orange-light)' : undefined}
                c={row.requirement.removed ? 'dimmed' : undefined}
              >
                <Table.Td>
                  <Text ff="monospace" size="xs" fw={600}>
                    {row.requirement.id}
                  </Text>
                  {row.requirement.removed ? (
                    <Badge size="xs" color="gray" tt="none">
                      Removed
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={row.requirement.text}>
                    {row.requirement.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{row.requirement.priority ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Keys items={row.stories} onOpen={onOpen} empty={gap ? 'No story: a gap' : 'None'} />
                </Table.Td>
                <Table.Td>
                  <Keys items={row.bugs} onOpen={onOpen} empty="None" />
                </Table.Td>
                {uat ? (
                  <>
                    <Table.Td>
                      <CasesCell cases={row.cases} onOpenCase={onOpenCase} />
                    </Table.Td>
                    <Table.Td>
                      <DefectsCell cases={row.cases} onOpenBug={onOpen} />
                    </Table.Td>
                    <Table.Td data-testid="matrix-open-defects" data-count={row.openDefects}>
                      <Text
                        size="xs"
                        fw={row.openDefects > 0 ? 600 : undefined}
                        c={row.openDefects > 0 ? 'red' : 'dimmed'}
                      >
                        {openDefectsLabel(row.openDefects)}
                      </Text>
                    </Table.Td>
                  </>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
