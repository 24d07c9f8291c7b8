// A case as its row in a list shows it, for members and guests alike: key and latest result, then the title.
import { Group, Text } from '@mantine/core';
import type { UatCaseStatus } from '@pi-studio/core/contract/uat';
import { CaseStatusBadge } from './UatBadges.tsx';

export function CaseHeading({ item }: { item: { key: string; status: UatCaseStatus; title: string } }) {
  return (
    <>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" ff="monospace">
          {item.key}
        </Text>
        <CaseStatusBadge status={item.status} size="sm" />
      </Group>
      <Text size="sm" className="uat-wrap" data-testid="case-title">
        {item.title}
      </Text>
    </>
  );
}
