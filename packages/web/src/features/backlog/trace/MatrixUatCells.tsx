// The matrix's UAT cells (issue #13): a row's test cases with their latest result, and the defects they raised with
// where each stands and its latest retest. Keys open things: a case opens its session's runner, a bug the story editor.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { CaseStatusBadge, DefectStateBadge } from '../../uat/UatBadges.tsx';
import type { TraceMatrix } from './api.ts';
import { isCaseStatus, isDefectState, retestLabel } from './matrix-uat.ts';

type Case = TraceMatrix['rows'][number]['cases'][number];

// A Mantine badge may shrink to "Fai…" in a tight table cell: the chips keep their full width.
const FULL = { minWidth: 'max-content' } as const;

const Unknown = () => (
  <Badge variant="light" color="gray" size="sm" style={FULL}>
    Unknown
  </Badge>
);

const KeyButton = ({ label, onClick, children }: { label: string; onClick: () => void; children: string }) => (
  <Anchor
    component="button"
    type="button"
    ff="monospace"
    size="xs"
    fw={600}
    style={{ whiteSpace: 'nowrap' }}
    onClick={onClick}
    aria-label={label}
  >
    {children}
  </Anchor>
);

const None = ({ children }: { children: string }) => (
  <Text size="xs" c="dimmed">
    {children}
  </Text>
);

export function CasesCell({ cases, onOpenCase }: { cases: readonly Case[]; onOpenCase: (key: string) => void }) {
  if (cases.length === 0) return <None>No test case</None>;
  return (
    <Stack gap={4}>
      {cases.map((c) => (
        // Wraps: the chip goes under a long key rather than being cut to "Fai…".
        <Group key={c.key} gap={4} wrap="wrap" data-testid="matrix-case" data-key={c.key} data-result={c.result}>
          <KeyButton label={`Open test case ${c.key} in its UAT session`} onClick={() => onOpenCase(c.key)}>
            {c.key}
          </KeyButton>
          {isCaseStatus(c.result) ? <CaseStatusBadge status={c.result} size="sm" style={FULL} /> : <Unknown />}
        </Group>
      ))}
    </Stack>
  );
}

export function DefectsCell({ cases, onOpenBug }: { cases: readonly Case[]; onOpenBug: (key: string) => void }) {
  const defects = cases.flatMap((c) => c.defects);
  if (defects.length === 0) return <None>None</None>;
  return (
    <Stack gap={6}>
      {defects.map((d) => (
        <div key={d.key} data-testid="matrix-defect" data-key={d.key} data-state={d.state}>
          <Group gap={4} wrap="wrap">
            <KeyButton label={`Open ${d.key}`} onClick={() => onOpenBug(d.key)}>
              {d.key}
            </KeyButton>
            {isDefectState(d.state) ? <DefectStateBadge state={d.state} size="sm" style={FULL} /> : <Unknown />}
          </Group>
          <Text size="xs" c="dimmed" data-testid="matrix-retest">
            {retestLabel(d.retest)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
