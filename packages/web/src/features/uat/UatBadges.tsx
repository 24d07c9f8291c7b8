// Statuses as coloured chips in words: a case's latest result, a defect's state, a session's status.
import { Badge, type BadgeProps } from '@mantine/core';
import type { UatCaseStatus, UatDefectState, UatSessionStatus } from '@pi-studio/core/contract/uat';
import {
  CASE_STATUS_COLOR,
  CASE_STATUS_LABEL,
  DEFECT_STATE_COLOR,
  DEFECT_STATE_LABEL,
  SESSION_STATUS_COLOR,
  SESSION_STATUS_LABEL,
} from './format.ts';

type Rest = Omit<BadgeProps, 'color' | 'children'>;

export function CaseStatusBadge({ status, ...rest }: { status: UatCaseStatus } & Rest) {
  return (
    <Badge variant="light" color={CASE_STATUS_COLOR[status]} data-testid="case-status" data-status={status} {...rest}>
      {CASE_STATUS_LABEL[status]}
    </Badge>
  );
}

export function DefectStateBadge({ state, ...rest }: { state: UatDefectState } & Rest) {
  return (
    <Badge variant="light" color={DEFECT_STATE_COLOR[state]} data-testid="defect-state" data-state={state} {...rest}>
      {DEFECT_STATE_LABEL[state]}
    </Badge>
  );
}

export function SessionStatusBadge({ status, ...rest }: { status: UatSessionStatus } & Rest) {
  return (
    <Badge
      variant="light"
      color={SESSION_STATUS_COLOR[status]}
      data-testid="session-status"
      data-status={status}
      {...rest}
    >
      {SESSION_STATUS_LABEL[status]}
    </Badge>
  );
}
