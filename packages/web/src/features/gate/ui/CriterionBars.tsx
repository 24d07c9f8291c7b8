// One bar per rubric criterion: name, weight and score (0–1). The review page adds the engine score and overrides.
import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { scoreColor } from '../format.ts';

export type CriterionBar = { id: string; name: string; weight: number; score: number; engineScore?: number };

export function CriterionBars({
  criteria,
  extra,
  compact,
}: {
  criteria: readonly CriterionBar[];
  /** Rendered at the end of a row (e.g. the reviewer's override button). */
  extra?: (criterion: CriterionBar) => ReactNode;
  compact?: boolean;
}) {
  return (
    <Stack gap={compact ? 6 : 10} data-testid="criterion-bars">
      {criteria.map((c) => {
        const overridden = c.engineScore !== undefined && c.engineScore !== c.score;
        return (
          <div key={c.id} data-testid={`criterion-bar-${c.id}`} data-score={c.score}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size={compact ? 'xs' : 'sm'} truncate>
                {c.name}{' '}
                <Text span c="dimmed" size="xs">
                  ×{c.weight}
                </Text>
              </Text>
              <Group gap={6} wrap="nowrap">
                {overridden ? (
                  <Tooltip label={`Engine scored ${Math.round((c.engineScore ?? 0) * 100)}%`}>
                    <Text size="xs" c="dimmed" td="line-through">
                      {Math.round((c.engineScore ?? 0) * 100)}%
                    </Text>
                  </Tooltip>
                ) : null}
                <Text size={compact ? 'xs' : 'sm'} fw={600} w={40} ta="right">
                  {Math.round(c.score * 100)}%
                </Text>
                {extra?.(c)}
              </Group>
            </Group>
            <Progress
              value={c.score * 100}
              color={scoreColor(c.score)}
              size={compact ? 'sm' : 'md'}
              aria-label={`${c.name}: ${Math.round(c.score * 100)}%`}
            />
          </div>
        );
      })}
    </Stack>
  );
}
