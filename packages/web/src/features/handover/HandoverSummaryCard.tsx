// Handover packs in a few words on the product page: how many of the five are in, how many fail, and the way there
// (and to the handover package: checklist, artifacts, review).
import { Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { errorMessage } from '../../lib/errors.ts';
import { ButtonLink } from '../../ui/Links.tsx';
import { usePacks } from './queries.ts';

export function HandoverSummaryCard({ code }: { code: string }) {
  const packs = usePacks(code);
  const items = packs.data?.items ?? [];
  const uploaded = items.filter((i) => i.latest);
  const failing = uploaded.filter((i) => i.latest?.verdict === 'fail').length;
  return (
    <Card withBorder radius="md" component="section" aria-label="Handover packs" data-testid="handover-summary">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Handover packs</Title>
        <Group gap={6}>
          <ButtonLink
            to="/products/$code/handover/package"
            params={{ code }}
            size="compact-sm"
            variant="light"
            data-testid="open-handover-package"
          >
            Package
          </ButtonLink>
          <ButtonLink
            to="/products/$code/handover"
            params={{ code }}
            size="compact-sm"
            variant="light"
            data-testid="open-handover"
          >
            Open packs
          </ButtonLink>
        </Group>
      </Group>
      {packs.isPending ? (
        <Skeleton h={20} aria-label="Loading handover packs" />
      ) : packs.isError ? (
        <Text size="sm" c="red">
          Handover packs could not be read: {errorMessage(packs.error)}
        </Text>
      ) : (
        <Text size="sm" data-testid="handover-summary-line">
          {uploaded.length} of {items.length} uploaded
          {failing > 0 ? ` · ${failing} failing` : uploaded.length > 0 ? ' · none failing' : ''}
        </Text>
      )}
    </Card>
  );
}
