// The rubric as a form: name and language, the criteria with their weights and checks, the verdict thresholds and
// the blocker rules. Each problem (found while typing or named by the server) shows at the field it concerns.
import {
  Button,
  CloseButton,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CHECK_IDS, RULES } from '@pi-studio/core/gate/checks/registry';
import { reasonAt } from '../../../lib/field-errors.ts';
import { criterionLabel, ruleLabel } from '../../../lib/labels.ts';
import {
  addCriterion,
  blockersOf,
  criteriaOf,
  type Definition,
  removeCriterion,
  setVerdict,
  textField,
  updateCriterion,
  verdictOf,
  weightTotal,
} from './rubric-form.ts';

const CHECK_OPTIONS = CHECK_IDS.map((id) => ({ value: id, label: criterionLabel(id) }));
const RULE_GROUPS = CHECK_IDS.map((check) => ({
  group: criterionLabel(check),
  items: [...RULES.values()].filter((r) => r.check === check).map((r) => ({ value: r.id, label: ruleLabel(r.id) })),
}));

type Props = { value: Definition; onChange: (next: Definition) => void; problems: ReadonlyMap<string, string> };

export function RubricForm({ value, onChange, problems }: Props) {
  const at = (path: string) => problems.get(path);
  const criteria = criteriaOf(value);
  const total = weightTotal(value);
  const verdict = verdictOf(value);
  const number = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

  return (
    <Stack gap="lg" data-testid="rubric-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Name"
          value={textField(value, 'name')}
          onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
          error={at('name')}
          data-testid="rubric-name"
        />
        <TextInput
          label="Rubric id"
          description="Versions of one rubric share it"
          value={textField(value, 'id')}
          onChange={(e) => onChange({ ...value, id: e.currentTarget.value })}
          error={at('id')}
        />
        <TextInput
          label="Language"
          description="Word lists and headings for it"
          value={textField(value, 'language')}
          onChange={(e) => onChange({ ...value, language: e.currentTarget.value })}
          error={at('language') ?? at('wordLists') ?? at('headings')}
          maxLength={2}
        />
      </SimpleGrid>

      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={5}>Criteria</Title>
            <Text size="xs" c={total === 100 ? 'dimmed' : 'red'} data-testid="rubric-weight-total">
              Weights sum to {total} (must be 100).
            </Text>
          </div>
          <Button size="xs" variant="default" onClick={() => onChange(addCriterion(value, CHECK_IDS[0] ?? ''))}>
            Add criterion
          </Button>
        </Group>
        {at('criteria') ? (
          <Text size="sm" c="red" data-testid="rubric-criteria-error">
            {at('criteria')}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Id</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th w={100}>Weight</Table.Th>
                <Table.Th w={210}>Check</Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteria.map((c, i) => {
                const path = `criteria.${i}`;
                const rowProblem = reasonAt(problems, `${path}.params`) ?? reasonAt(problems, `${path}.severities`);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; ids are being typed
                  <Table.Tr key={i} data-testid={`rubric-criterion-${i}`}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label="Criterion id"
                        value={c.id}
                        onChange={(e) => onChange(updateCriterion(value, i, { id: e.currentTarget.value }))}
                        error={at(`${path}.id`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label="Criterion title"
                        value={c.name}
                        onChange={(e) => onChange(updateCriterion(value, i, { name: e.currentTarget.value }))}
                        error={at(`${path}.name`) ?? (rowProblem ? `${rowProblem} (edit in Advanced)` : undefined)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label="Weight"
                        value={c.weight}
                        min={0}
                        max={100}
                        decimalScale={2}
                        onChange={(v) => onChange(updateCriterion(value, i, { weight: number(v) }))}
                        error={at(`${path}.weight`)}
                        data-testid={`rubric-weight-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label="Check"
                        data={CHECK_OPTIONS}
                        value={c.check || null}
                        onChange={(v) => onChange(updateCriterion(value, i, { check: v ?? '' }))}
                        allowDeselect={false}
                        error={at(`${path}.check`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <CloseButton
                        size="sm"
                        aria-label={`Remove ${c.name || c.id || 'criterion'}`}
                        onClick={() => onChange(removeCriterion(value, i))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={5}>Verdict</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Pass from score"
            value={verdict.passScore}
            min={0}
            max={100}
            onChange={(v) => onChange(setVerdict(value, { passScore: number(v) }))}
            error={at('verdict.passScore')}
            data-testid="rubric-pass-score"
          />
          <NumberInput
            label="Conditional from score"
            value={verdict.conditionalScore}
            min={0}
            max={100}
            onChange={(v) => onChange(setVerdict(value, { conditionalScore: number(v) }))}
            error={at('verdict.conditionalScore')}
            data-testid="rubric-conditional-score"
          />
          <NumberInput
            label="Blockers allowed for conditional"
            value={verdict.maxBlockersConditional}
            min={0}
            allowDecimal={false}
            onChange={(v) => onChange(setVerdict(value, { maxBlockersConditional: number(v) }))}
            error={at('verdict.maxBlockersConditional')}
          />
        </SimpleGrid>
      </Stack>

      <MultiSelect
        label="Blocker rules"
        description="A finding of one of these rules is a blocker, whatever its severity."
        data={RULE_GROUPS}
        value={blockersOf(value)}
        onChange={(blockers) => onChange({ ...value, blockers })}
        error={reasonAt(problems, 'blockers')}
        searchable
        data-testid="rubric-blockers"
      />
      <Text size="xs" c="dimmed">
        Check parameters, per-rule severities, word lists and heading synonyms are edited in Advanced (JSON).
      </Text>
    </Stack>
  );
}
