// One template version, read-only: per product type how many items are required or recommended, then the items a
// chosen type gets (or all), each with its area, level per type, flags, why it matters and the evidence expected.
import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PRODUCT_TYPES, type ProductType } from '@pi-studio/core/handover-package/profile';
import { useState } from 'react';
import { FLAG_LABEL } from '../handover-package/format.ts';
import type { ChecklistTemplateBody, TemplateItem } from './api.ts';
import { groupLabel, TYPE_LEVEL_COLOR, TYPE_LEVEL_LABEL, typeLabel } from './labels.ts';
import { appliesSummary, itemsForType, levelFor, typeCounts } from './template-form.ts';

export function TemplateView({ template }: { template: ChecklistTemplateBody }) {
  const [type, setType] = useState<ProductType | null>(null);
  const counts = typeCounts(template);
  const items = itemsForType(template, type);
  return (
    <Stack gap="md" data-testid="template-view">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs" data-testid="template-type-counts">
        {PRODUCT_TYPES.map((t) => (
          <Card key={t} withBorder radius="sm" p="xs" data-testid="type-count" data-type={t}>
            <Text size="xs" fw={600}>
              {typeLabel(t)}
            </Text>
            <Text size="xs" c="dimmed">
              {counts[t].required} required · {counts[t].recommended} recommended
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" data-testid="template-item-count">
          {items.length} of {template.items.length} items · score weights: required {template.weights.required},
          recommended {template.weights.recommended}
        </Text>
        <Select
          label="Product type"
          size="xs"
          w={260}
          maw="100%"
          value={type}
          onChange={(v) => setType((v as ProductType | null) ?? null)}
          clearable
          placeholder="All types"
          data={PRODUCT_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))}
          data-testid="template-type-filter"
        />
      </Group>
      <Stack gap="xs">
        {items.map((item) => (
          <ItemCard key={item.id} item={item} type={type} />
        ))}
      </Stack>
    </Stack>
  );
}

function ItemCard({ item, type }: { item: TemplateItem; type: ProductType | null }) {
  return (
    <Card withBorder radius="sm" p="sm" data-testid="template-item" data-item={item.id}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="outline" style={{ flexShrink: 0 }}>
            {item.id}
          </Badge>
          <Title order={6} style={{ overflowWrap: 'anywhere' }}>
            {item.text}
          </Title>
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            Area: {groupLabel(item.group)}
          </Text>
          {type ? (
            <Badge size="xs" variant="light" color={TYPE_LEVEL_COLOR[levelFor(item, type)]} tt="none">
              {TYPE_LEVEL_LABEL[levelFor(item, type)]}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed" data-testid="template-item-applies">
              · {appliesSummary(item, typeLabel)}
            </Text>
          )}
          {item.applies.whenFlags?.length ? (
            <Text size="xs" c="dimmed">
              · only if {item.applies.whenFlags.map((f) => FLAG_LABEL[f].label.toLowerCase()).join(' or ')}
            </Text>
          ) : null}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            Why:{' '}
          </Text>
          {item.why}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            Evidence expected:{' '}
          </Text>
          {item.evidence}
        </Text>
      </Stack>
    </Card>
  );
}
