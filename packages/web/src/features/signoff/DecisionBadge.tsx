import { Badge, type BadgeProps } from '@mantine/core';
import type { SignoffDecision } from './api.ts';
import { DECISION_COLOR, DECISION_LABEL } from './format.ts';

export function DecisionBadge({ decision, ...rest }: { decision: SignoffDecision } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge
      variant="light"
      color={DECISION_COLOR[decision]}
      data-testid="signoff-decision"
      data-decision={decision}
      {...rest}
    >
      {DECISION_LABEL[decision]}
    </Badge>
  );
}
