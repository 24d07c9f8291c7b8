// One pack finding as people read it: severity, the check in words, where it is, what is wrong, the excerpt and how to
// fix it. Shared by the pack findings and the artifact versions (both show the pack validator's findings).
import { Code, Group, Text } from '@mantine/core';
import type { PackVersionDetail } from '@pi-studio/core/contract/handover';
import { ruleLabel } from '../../lib/labels.ts';
import { SeverityBadge } from '../gate/ui/VerdictBadge.tsx';

export type PackFinding = PackVersionDetail['findings'][number];

export function FindingBody({ finding: f }: { finding: PackFinding }) {
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <SeverityBadge severity={f.severity} />
        <Text size="xs" c="dimmed" title={f.rule}>
          {ruleLabel(f.rule)}
        </Text>
        {f.line > 0 ? <Text size="xs">Line {f.line}</Text> : null}
        {f.section ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {f.section}
          </Text>
        ) : null}
      </Group>
      <Text size="sm">{f.message}</Text>
      {f.excerpt ? (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {f.excerpt}
        </Code>
      ) : null}
      {f.fix ? (
        <Text size="sm" c="dimmed">
          Fix: {f.fix}
        </Text>
      ) : null}
    </>
  );
}
