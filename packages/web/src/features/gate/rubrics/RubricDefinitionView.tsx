// A stored rubric version read as a reviewer thinks of it: criteria with weights, the verdict thresholds and the
// blocker rules in words; the whole definition stays one click away as JSON.
import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { criterionLabel, ruleLabel } from '../../../lib/labels.ts';
import { blockersOf, criteriaOf, type Definition, verdictOf } from './rubric-form.ts';

export function RubricDefinitionView({ definition }: { definition: Definition }) {
  const criteria = criteriaOf(definition);
  const verdict = verdictOf(definition);
  const blockers = blockersOf(definition);
  return (
    <Stack gap="sm" data-testid="rubric-definition-view">
      <Table.ScrollContainer minWidth={360}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
              <Table.Th>Check</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name || c.id}</Table.Td>
                <Table.Td ta="right">{c.weight}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {criterionLabel(c.check)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">
        Pass from {verdict.passScore}, conditional from {verdict.conditionalScore} with at most{' '}
        {verdict.maxBlockersConditional} blocker{verdict.maxBlockersConditional === 1 ? '' : 's'}.
      </Text>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Blocker rules
        </Text>
        <Group gap={4}>
          {blockers.map((b) => (
            <Badge key={b} variant="light" color="red" tt="none" title={b}>
              {ruleLabel(b)}
            </Badge>
          ))}
        </Group>
      </div>
      <Accordion variant="contained">
        <Accordion.Item value="json">
          <Accordion.Control>Advanced (JSON)</Accordion.Control>
          <Accordion.Panel>
            <Text
              component="pre"
              size="xs"
              ff="monospace"
              mah="50vh"
              style={{ overflow: 'auto', background: 'var(--mantine-color-gray-0)', padding: 12, borderRadius: 6 }}
            >
              {JSON.stringify(definition, null, 2)}
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
