import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { STAGE_LABEL } from '../../lib/stages.ts';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useTaxonomyLabels } from '../workspace/queries.ts';
import type { ProductDetail } from './api.ts';
import { ForceStageModal } from './ForceStageModal.tsx';

// The stage is not edited here: the gate moves it (submission, verdict). Studio administrators may force a move
// with a reason while the later stages' evidence (UAT sign-off, IT acceptance) is not recorded in the studio.
type Props = { product: ProductDetail; etag: string | null; canForceStage: boolean };

export function ProductHeader({ product, etag, canForceStage }: Props) {
  const [forcing, setForcing] = useState(false);
  const typeLabel = useTaxonomyLabels('product_type');
  const tagLabel = useTaxonomyLabels('tag');
  const forced = product.stageForced;

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text ff="monospace" c="dimmed" data-testid="product-code">
          {product.code}
        </Text>
        <StageBadge stage={product.stage} size="lg" />
      </Group>
      <Group justify="space-between" align="flex-start">
        <Title order={2} data-testid="product-name">
          {product.name}
        </Title>
        {canForceStage ? (
          <Button variant="default" onClick={() => setForcing(true)} data-testid="force-stage">
            Move stage…
          </Button>
        ) : null}
      </Group>
      <Group gap="xs">
        <Badge variant="light" color="indigo">
          {product.subsidiary.name.startsWith(product.subsidiary.code)
            ? product.subsidiary.name
            : `${product.subsidiary.code} · ${product.subsidiary.name}`}
        </Badge>
        <Badge variant="outline" color="gray">
          {typeLabel(product.productType)}
        </Badge>
        {product.tags.map((t) => (
          <Badge key={t} variant="light" color="gray">
            {tagLabel(t)}
          </Badge>
        ))}
      </Group>
      {forced ? (
        <Alert color="orange" variant="light" p="xs" maw={800} data-testid="stage-forced">
          Moved by hand from {STAGE_LABEL[forced.from]} to {STAGE_LABEL[product.stage]} by{' '}
          {forced.by?.name ?? 'the system'} on {formatDateTime(forced.at)}: “{forced.reason}”
        </Alert>
      ) : null}
      {product.summary ? (
        <Text size="sm" c="dimmed" maw={800}>
          {product.summary}
        </Text>
      ) : null}
      {canForceStage ? (
        <ForceStageModal product={product} etag={etag} opened={forcing} onClose={() => setForcing(false)} />
      ) : null}
    </Stack>
  );
}
