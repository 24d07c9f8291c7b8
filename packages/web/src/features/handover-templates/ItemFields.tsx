// One checklist item in the template editor: id and area, what must be true, why, the evidence expected, the level per
// product type and the flags that narrow it. `problems` is keyed as the server names fields (`items.3.text`).
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CHECKLIST_GROUPS } from '@pi-studio/core/handover-package/checklist-template';
import { PRODUCT_FLAGS, PRODUCT_TYPES } from '@pi-studio/core/handover-package/profile';
import { reasonAt } from '../../lib/field-errors.ts';
import { FLAG_LABEL } from '../handover-package/format.ts';
import type { TemplateItem } from './api.ts';
import { groupLabel, TYPE_LEVEL_LABEL, typeLabel } from './labels.ts';
import { isGroup, levelFor, setFlag, setLevel, type TypeLevel } from './template-form.ts';

type Props = {
  item: TemplateItem;
  index: number;
  problems: ReadonlyMap<string, string>;
  onChange: (item: TemplateItem) => void;
  onRemove: () => void;
};

const LEVELS: TypeLevel[] = ['required', 'recommended', 'none'];

export function ItemFields({ item, index, problems, onChange, onRemove }: Props) {
  const at = (field: string) => problems.get(`items.${index}.${field}`);
  const text = (field: 'text' | 'why' | 'evidence', label: string, description?: string) => (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={1}
      maxRows={5}
      value={item[field]}
      onChange={(e) => onChange({ ...item, [field]: e.currentTarget.value })}
      error={at(field)}
      data-testid={`template-item-${field}`}
    />
  );
  return (
    <Stack gap="xs" data-testid="template-item-fields" data-index={index}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <TextInput
          label="Item id"
          description="The area's code and a number, e.g. OPS-9"
          value={item.id}
          onChange={(e) => onChange({ ...item, id: e.currentTarget.value.trim().toUpperCase() })}
          error={at('id')}
          data-testid="template-item-id"
        />
        <Select
          label="Area"
          description="Which part of the handover it belongs to"
          value={item.group}
          allowDeselect={false}
          onChange={(v) => (isGroup(v) ? onChange({ ...item, group: v }) : undefined)}
          data={CHECKLIST_GROUPS.map((g) => ({ value: g, label: `${groupLabel(g)} (${g})` }))}
          error={at('group')}
          data-testid="template-item-group"
        />
      </SimpleGrid>
      {text('text', 'What must be true', 'One line')}
      {text('why', 'Why it matters')}
      {text('evidence', 'Evidence expected', 'A link, file or record that proves it')}
      <Text size="sm" fw={500}>
        Level per product type
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
        {PRODUCT_TYPES.map((t) => (
          <Select
            key={t}
            size="xs"
            label={typeLabel(t)}
            value={levelFor(item, t)}
            allowDeselect={false}
            onChange={(v) => onChange(setLevel(item, t, (v as TypeLevel | null) ?? 'none'))}
            data={LEVELS.map((l) => ({ value: l, label: TYPE_LEVEL_LABEL[l] }))}
            data-testid={`template-item-level-${t}`}
          />
        ))}
      </SimpleGrid>
      {reasonAt(problems, `items.${index}.applies`) ? (
        <Text size="xs" c="red" data-testid="template-item-applies-error">
          {reasonAt(problems, `items.${index}.applies`)}
        </Text>
      ) : null}
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          Only for products that:
        </Text>
        {PRODUCT_FLAGS.map((f) => (
          <Checkbox
            key={f}
            size="xs"
            label={FLAG_LABEL[f].label}
            checked={item.applies.whenFlags?.includes(f) ?? false}
            onChange={(e) => onChange(setFlag(item, f, e.currentTarget.checked))}
          />
        ))}
      </Group>
      <Group justify="flex-end">
        <Button size="xs" variant="subtle" color="red" onClick={onRemove} data-testid="template-item-remove">
          Remove {item.id || 'this item'}
        </Button>
      </Group>
    </Stack>
  );
}
