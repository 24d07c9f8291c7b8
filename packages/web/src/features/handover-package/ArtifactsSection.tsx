// The artifacts IT runs the product with, one tab per kind (release notes, runbook-lite, support flow, escalation
// matrix, ownership): the versions saved so far, the one picked with the pack validator's findings (runbook-lite and
// release notes), and the editor that saves the next version.
import { Badge, Card, Grid, Group, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { ARTIFACT_KINDS, ARTIFACT_LABELS } from '@pi-studio/core/contract/handover-package';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { ArtifactEditor } from './ArtifactEditor.tsx';
import { ArtifactVersionView } from './ArtifactVersionView.tsx';
import type { ArtifactKind, HandoverPackage } from './api.ts';
import { plural } from './format.ts';
import { useArtifactHistory } from './queries.ts';

type Summary = HandoverPackage['artifacts'][number];
type Props = {
  code: string;
  artifacts: Summary[];
  kind: ArtifactKind | undefined;
  onKind: (kind: ArtifactKind) => void;
  canEdit: boolean;
};

export function ArtifactsSection({ code, artifacts, kind, onKind, canEdit }: Props) {
  const current = kind ?? 'release_notes';
  return (
    <Tabs value={current} onChange={(k) => k && onKind(k as ArtifactKind)} variant="pills">
      <Tabs.List mb="md">
        {ARTIFACT_KINDS.map((k) => {
          const s = artifacts.find((a) => a.kind === k);
          return (
            <Tabs.Tab key={k} value={k} data-testid={`artifact-tab-${k}`}>
              {ARTIFACT_LABELS[k]}
              {s?.latestVersion ? ` · v${s.latestVersion}` : ''}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {ARTIFACT_KINDS.map((k) => (
        <Tabs.Panel key={k} value={k}>
          <ArtifactPanel code={code} kind={k} summary={artifacts.find((a) => a.kind === k) ?? null} canEdit={canEdit} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function ArtifactPanel({
  code,
  kind,
  summary,
  canEdit,
}: {
  code: string;
  kind: ArtifactKind;
  summary: Summary | null;
  canEdit: boolean;
}) {
  const history = useArtifactHistory(code, kind);
  const latest = summary?.latestVersion ?? null;
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked ?? latest;

  return (
    <Grid gap="lg" data-testid={`artifact-${kind}`}>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {canEdit ? (
            <ArtifactEditor
              code={code}
              kind={kind}
              latest={latest}
              onSaved={(v) => setPicked(v)}
              onConflict={() => setPicked(null)}
            />
          ) : null}
          {shown ? (
            <ArtifactVersionView code={code} kind={kind} version={shown} latest={latest} />
          ) : canEdit ? null : (
            <Text size="sm" c="dimmed">
              No version saved yet.
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder radius="md" component="section" aria-label="Versions" data-testid="artifact-history">
          <Group justify="space-between" mb="xs">
            <Title order={5}>Versions</Title>
            {summary && summary.versions > 0 ? (
              <Text size="xs" c="dimmed">
                {plural(summary.versions, 'version')}
              </Text>
            ) : null}
          </Group>
          <QueryState
            query={history}
            isEmpty={(d) => d.items.length === 0}
            emptyTitle="No version yet"
            emptyDescription={`Write it, or start from the ${kind === 'release_notes' ? 'generated draft' : 'template'}.`}
            testId="artifact-history"
          >
            {(d) => (
              <Stack gap={4}>
                {d.items.map((v) => (
                  <UnstyledButton
                    key={v.version}
                    onClick={() => setPicked(v.version)}
                    p={6}
                    style={{
                      borderRadius: 6,
                      background: v.version === shown ? 'var(--mantine-color-blue-light)' : undefined,
                    }}
                    aria-current={v.version === shown ? 'true' : undefined}
                    data-testid="artifact-version"
                  >
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        Version {v.version}
                      </Text>
                      {v.version === latest ? (
                        <Badge size="xs" variant="light">
                          Latest
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {personName(v.createdBy, 'someone')} · {formatDateTime(v.createdAt)}
                    </Text>
                    {v.note ? (
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {v.note}
                      </Text>
                    ) : null}
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </QueryState>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
