import { Avatar, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { initials } from '../../lib/format.ts';
import { GateStatusLine } from '../gate/ProductGateStatus.tsx';
import { useTaxonomyLabels } from '../workspace/queries.ts';
import type { Product } from './api.ts';

export function ProductCard({ product, typeLabel }: { product: Product; typeLabel: (code: string) => string }) {
  const tagLabel = useTaxonomyLabels('tag');
  return (
    <Card
      renderRoot={(props) => <Link {...props} to="/products/$code" params={{ code: product.code }} />}
      withBorder
      padding="sm"
      radius="md"
      data-testid="product-card"
      aria-label={`${product.code} ${product.name}`}
      style={{ textDecoration: 'none' }}
    >
      <Text size="xs" c="dimmed" ff="monospace">
        {product.code}
      </Text>
      <Text fw={600} size="sm" lineClamp={2}>
        {product.name}
      </Text>
      <Group gap={4} mt={6}>
        <Badge size="xs" variant="outline" color="gray">
          {typeLabel(product.productType)}
        </Badge>
        {product.tags.slice(0, 3).map((t) => (
          <Badge key={t} size="xs" variant="light" color="gray">
            {tagLabel(t)}
          </Badge>
        ))}
        {product.tags.length > 3 ? (
          <Text size="xs" c="dimmed">
            +{product.tags.length - 3}
          </Text>
        ) : null}
      </Group>
      <GateStatusLine gate={product.gate} />
      <Group gap={6} mt={8} wrap="nowrap">
        <Avatar size={20} radius="xl" color={product.po ? 'indigo' : 'gray'}>
          {product.po ? initials(product.po.name) : '–'}
        </Avatar>
        <Text size="xs" c="dimmed" truncate>
          {product.po ? product.po.name : 'No PO yet'}
        </Text>
      </Group>
    </Card>
  );
}
