// One saved version of an artifact: who saved it and why, for runbook-lite and release notes the pack validator's
// verdict and findings (blockers first), and the text as IT will read it.
import { Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ARTIFACT_LABELS } from '@pi-studio/core/contract/handover-package';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { MarkdownView } from '../documents/MarkdownView.tsx';
import { VerdictBadge } from '../gate/ui/VerdictBadge.tsx';
import { FindingBody } from '../handover/FindingBody.tsx';
import type { ArtifactKind, ArtifactVersion } from './api.ts';
import { plural, sortFindings } from './format.ts';
import { useArtifactVersion } from './queries.ts';

type Props = { code: string; kind: ArtifactKind; version: number; latest: number | null };

export function ArtifactVersionView({ code, kind, version, latest }: Props) {
  const detail = useArtifactVersion(code, kind, version);
  return (
    <Card withBorder radius="md" component="section" aria-label="Saved version" data-testid="artifact-version-view">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={5}>
          {ARTIFACT_LABELS[kind]} · version {version}
          {version === latest ? ' (latest)' : ''}
        </Title>
        {detail.data?.validation ? <VerdictBadge verdict={detail.data.validation.verdict} /> : null}
      </Group>
      {detail.isPending ? (
        <Skeleton h={120} aria-label="Loading the version" />
      ) : detail.isError ? (
        <Text size="sm" c="red">
          The version could not be read: {errorMessage(detail.error)}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {personName(detail.data.createdBy, 'someone')} · {formatDateTime(detail.data.createdAt)}
            {detail.data.note ? ` · ${detail.data.note}` : ''}
          </Text>
          {detail.data.validation ? <ValidatorFindings validation={detail.data.validation} /> : null}
          <Divider label="Text" labelPosition="left" />
          <div style={{ maxHeight: 480, overflowY: 'auto' }}>
            <MarkdownView source={detail.data.body} />
          </div>
        </Stack>
      )}
    </Card>
  );
}

function ValidatorFindings({ validation }: { validation: NonNullable<ArtifactVersion['validation']> }) {
  const findings = sortFindings(validation.findings);
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  return (
    <Stack gap={0} data-testid="artifact-findings">
      <Text size="sm" fw={500} data-testid="artifact-validation">
        Checked by the pack validator: score {validation.score} · {plural(findings.length, 'finding')}
        {blockers ? ` · ${plural(blockers, 'blocker')}` : ''}
      </Text>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to fix.
        </Text>
      ) : (
        findings.map((f, i) => (
          <Stack
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed server list; entries can repeat
            key={`${f.rule}-${f.line}-${f.column}-${i}`}
            gap={2}
            py={6}
            data-testid="finding"
            data-rule={f.rule}
            data-severity={f.severity}
          >
            <FindingBody finding={f} />
          </Stack>
        ))
      )}
    </Stack>
  );
}
