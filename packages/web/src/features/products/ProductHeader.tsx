import { Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { isStage, STAGE_LABEL, STAGES } from '../../lib/stages.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useTaxonomyLabels } from '../workspace/queries.ts';
import type { ProductDetail } from './api.ts';
import { useUpdateProduct } from './use-update-product.ts';

type Props = { product: ProductDetail; etag: string | null; canEdit: boolean };

export function ProductHeader({ product, etag, canEdit }: Props) {
  const update = useUpdateProduct(product.code);
  const typeLabel = useTaxonomyLabels('product_type');
  const tagLabel = useTaxonomyLabels('tag');

  const changeStage = async (next: string | null) => {
    if (!next || !isStage(next) || next === product.stage) return;
    const ok = await confirmAction({
      title: 'Change stage',
      message: `Move ${product.code} from ${STAGE_LABEL[product.stage]} to ${STAGE_LABEL[next]}? The change is recorded in the audit log.`,
      confirmLabel: `Move to ${STAGE_LABEL[next]}`,
      danger: next === 'archived',
    });
    if (!ok) return;
    update.mutate(
      { body: { stage: next }, etag },
      {
        onSuccess: () => notifySuccess(`${product.code} is now in ${STAGE_LABEL[next]}.`, 'Stage changed'),
        onError: (err) => notifyError(err, 'Stage not changed'),
      },
    );
  };

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
        {canEdit ? (
          <Select
            label="Stage"
            w={180}
            value={product.stage}
            onChange={(v) => void changeStage(v)}
            data={STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
            allowDeselect={false}
            disabled={update.isPending}
            data-testid="stage-select"
          />
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
      {product.summary ? (
        <Text size="sm" c="dimmed" maw={800}>
          {product.summary}
        </Text>
      ) : null}
    </Stack>
  );
}
