import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { Stage } from '../../lib/stages.ts';
import { StageBadge } from '../../ui/StageBadge.tsx';
import type { Product } from './api.ts';
import { ProductCard } from './ProductCard.tsx';

type Props = { stage: Stage; products: Product[]; typeLabel: (code: string) => string };

export function BoardColumn({ stage, products, typeLabel }: Props) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="var(--mantine-color-gray-0)"
      component="section"
      aria-label={`${stage} column`}
      data-testid={`board-column-${stage}`}
    >
      <Group justify="space-between" mb="xs">
        <StageBadge stage={stage} size="md" />
        <Badge variant="transparent" color="gray" aria-label={`${products.length} products`}>
          {products.length}
        </Badge>
      </Group>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        <Stack gap="xs">
          {products.length === 0 ? (
            <Text size="xs" c="dimmed" ta="center" py="md">
              Nothing here
            </Text>
          ) : (
            products.map((p) => <ProductCard key={p.id} product={p} typeLabel={typeLabel} />)
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
