import { Badge, type BadgeProps } from '@mantine/core';
import type { Severity, Verdict } from '@pi-studio/core/gate/types';
import { SEVERITY_COLOR, VERDICT_COLOR, VERDICT_LABEL } from '../format.ts';

/** A verdict; without one, "Waiting" (or "Superseded" when a newer version replaced the review). */
export function VerdictBadge({
  verdict,
  status,
  ...rest
}: { verdict: Verdict | null; status?: string } & Omit<BadgeProps, 'color'>) {
  if (!verdict)
    return (
      <Badge variant="light" color={status === 'superseded' ? 'orange' : 'gray'} data-testid="verdict-badge" {...rest}>
        {status === 'superseded' ? 'Superseded' : 'Waiting'}
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
