import { Badge, type BadgeProps } from '@mantine/core';
import { isStage, STAGE_COLOR, STAGE_LABEL } from './stages.ts';

export function StageBadge({ stage, ...rest }: { stage: string } & Omit<BadgeProps, 'color' | 'children'>) {
  const known = isStage(stage);
  return (
    <Badge variant="light" color={known ? STAGE_COLOR[stage] : 'gray'} data-testid="stage-badge" {...rest}>
      {known ? STAGE_LABEL[stage] : stage}
    </Badge>
  );
}
