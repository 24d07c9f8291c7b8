// The findings of one pack version, blockers first: severity, the check in words, where it is, what is wrong and how to fix it,
// with the masked text to download.
import { Anchor, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../lib/errors.ts';
import { SEVERITY_ORDER } from '../gate/format.ts';
import { type PackKind, packTextUrl } from './api.ts';
import { FindingBody } from './FindingBody.tsx';
import { PACK_KIND_LABEL, versionLine } from './format.ts';
import { usePackVersion } from './queries.ts';

export function PackFindings({ code, kind, version }: { code: string; kind: PackKind; version: number }) {
  const detail = usePackVersion(code, kind, version);
  return (
    <Card withBorder radius="md" component="section" aria-label="Findings" data-testid="pack-findings">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={4}>{PACK_KIND_LABEL[kind]} — findings</Title>
        <Anchor href={packTextUrl(code, kind, version)} size="sm" data-testid="pack-download">
          Download the stored text (secrets masked)
        </Anchor>
      </Group>
      {detail.isPending ? (
        <Skeleton h={80} aria-label="Loading findings" />
      ) : detail.isError ? (
        <Text size="sm" c="red">
          The findings could not be read: {errorMessage(detail.error)}
        </Text>
      ) : (
        <Stack gap={0}>
          <Text size="sm" c="dimmed" mb="xs">
            {versionLine(detail.data)} · {detail.data.findings.length} findings
          </Text>
          {detail.data.findings.length === 0 ? (
            <Text size="sm">Nothing to fix: the pack holds every required section and no leftovers.</Text>
          ) : (
            [...detail.data.findings]
              .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line)
              .map((f, i) => (
                <Stack
                  key={`${f.rule}-${f.line}-${f.column}-${f.excerpt}`}
                  gap={4}
                  py="xs"
                  data-testid="finding"
                  data-rule={f.rule}
                >
                  {i > 0 ? <Divider mb="xs" /> : null}
                  <FindingBody finding={f} />
                </Stack>
              ))
          )}
        </Stack>
      )}
    </Card>
  );
}
