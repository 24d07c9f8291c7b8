// One sign-off record: the decision, what was signed (stories with their revisions and the content hash over them),
// who signed and when, its place in the hash chain, its evidence files (with an upload for the signer), and the UAT
// report of the session it signed.
import { Alert, Anchor, Button, Card, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { formatBytes } from '../uat/format.ts';
import { evidenceUrl, reportUrl, type Signoff } from './api.ts';
import { DecisionBadge } from './DecisionBadge.tsx';
import { checkEvidenceFile } from './evidence-check.ts';
import { shortHash } from './format.ts';
import { useAddEvidence } from './use-add-evidence.ts';

export function SignoffCard({ code, signoff: s, canSign }: { code: string; signoff: Signoff; canSign: boolean }) {
  return (
    <Card withBorder padding="md" data-testid="signoff" data-key={s.key}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} ff="monospace" size="sm">
            {s.key}
          </Text>
          <DecisionBadge decision={s.decision} />
        </Group>
        <Text size="xs" c="dimmed">
          {s.signer.name} · {formatDateTime(s.signedAt)}
        </Text>
      </Group>
      <Text size="sm" mt={6} className="uat-wrap" data-testid="signoff-scope">
        {s.session ? `Session ${s.session.key}: ${s.session.title}` : 'Release'} · Build {s.buildVersion}
      </Text>
      {s.conditions ? (
        <Text size="sm" mt={4} className="uat-wrap" style={{ whiteSpace: 'pre-wrap' }} data-testid="signoff-conditions">
          <Text span fw={500} size="sm">
            {s.decision === 'refused' ? 'What must change: ' : 'Conditions: '}
          </Text>
          {s.conditions}
        </Text>
      ) : null}
      <Text size="sm" mt={4} className="uat-wrap" data-testid="signoff-stories">
        Signed {s.signedStories.length} {s.signedStories.length === 1 ? 'story' : 'stories'}:{' '}
        {s.signedStories.map((st) => `${st.key} (revision ${st.revision})`).join(', ') || 'none'}
      </Text>
      <Text size="xs" c="dimmed" mt={4} ff="monospace" className="uat-wrap">
        <span title={s.contentHash}>content {shortHash(s.contentHash)}</span> ·{' '}
        <span title={s.recordHash}>record {shortHash(s.recordHash)}</span> ·{' '}
        <span title={s.prevHash}>after {shortHash(s.prevHash)}</span>
      </Text>
      <Evidence code={code} signoff={s} canSign={canSign} />
      {s.session ? (
        <Group gap="sm" mt="xs">
          <Text size="sm">UAT report:</Text>
          <Anchor href={reportUrl(code, s.session.key, 'md')} size="sm" data-testid="report-md">
            Markdown
          </Anchor>
          <Anchor href={reportUrl(code, s.session.key, 'pdf')} size="sm" data-testid="report-pdf">
            PDF
          </Anchor>
        </Group>
      ) : null}
    </Card>
  );
}

function Evidence({ code, signoff: s, canSign }: { code: string; signoff: Signoff; canSign: boolean }) {
  const add = useAddEvidence(code, s.key);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    const refused = await checkEvidenceFile(file);
    setProblem(refused);
    if (!refused)
      add.mutate({ file, name: file.name }, { onSuccess: () => notifySuccess(`${file.name} added to ${s.key}`) });
  };
  return (
    <Stack gap={4} mt="xs" data-testid="signoff-evidence">
      <Text size="sm" fw={500}>
        Evidence
      </Text>
      {s.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence attached.
        </Text>
      ) : (
        s.evidence.map((e) => (
          <Text key={e.id} size="sm" className="uat-wrap" data-testid="evidence">
            <Anchor href={evidenceUrl(code, s.key, e.id)} size="sm">
              {e.fileName}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {formatBytes(e.size)} · sha256 <span title={e.sha256}>{shortHash(e.sha256)}</span> · {e.uploadedBy},{' '}
              {formatDateTime(e.addedAt)}
            </Text>
          </Text>
        ))
      )}
      {canSign ? (
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={(f) => void upload(f)} accept="application/pdf,image/png,image/jpeg,text/plain">
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="sm"
                className="uat-tap"
                loading={add.isPending}
                data-testid="evidence-add"
              >
                Add evidence
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            PDF, PNG, JPEG or plain text, up to 10 MB
          </Text>
        </Group>
      ) : null}
      {problem || add.error ? (
        <Alert color="red" variant="light" p="xs" data-testid="evidence-error">
          {problem ?? errorMessage(add.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
