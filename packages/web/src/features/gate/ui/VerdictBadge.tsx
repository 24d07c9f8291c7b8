import { Badge, type BadgeProps } from '@mantine/core';
import type { Severity, Verdict } from '@pi-studio/core/gate/types';
import { SEVERITY_COLOR, VERDICT_COLOR, VERDICT_LABEL } from '../format.ts';

export function VerdictBadge({ verdict, ...rest }: { verdict: Verdict | null } & Omit<BadgeProps, 'color'>) {
  if (!verdict)
    return (
      <Badge variant="light" color="gray" data-testid="verdict-badge" {...rest}>
        Waiting
      </Badge>
    );
  return (
    <Badge variant="filled" color={VERDICT_COLOR[verdict]} data-testid="verdict-badge" data-verdict={verdict} {...rest}>
      {VERDICT_LABEL[verdict]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge size="sm" variant="light" color={SEVERITY_COLOR[severity]} data-testid="severity-badge" w={72}>
      {severity}
    </Badge>
  );
}
