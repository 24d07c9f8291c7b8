import { Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatRelative } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { EmptyState } from '../../ui/States.tsx';
import type { DocumentSummary } from '../products/api.ts';
import { ImportDocumentModal } from './ImportDocumentModal.tsx';
import { NewDocumentModal } from './NewDocumentModal.tsx';
import { VersionTimeline } from './VersionTimeline.tsx';

type Props = { productCode: string; documents: DocumentSummary[]; canWrite: boolean };

export function DocumentsCard({ productCode, documents, canWrite }: Props) {
  const [creating, create] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  return (
    <Card withBorder radius="md" data-testid="documents-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Documents</Title>
        {canWrite ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={importer.open} data-testid="import-document">
              Import
            </Button>
            <Button size="xs" onClick={create.open} data-testid="new-document">
              New document
            </Button>
          </Group>
        ) : null}
      </Group>
      {documents.length === 0 ? (
        <EmptyState title="No documents yet">
          {canWrite
            ? 'Start a Context or PRD from the template, or import a .md or .docx file.'
            : 'Nothing written yet.'}
        </EmptyState>
      ) : (
        <Stack gap="xs">
          {documents.map((d) => (
            <DocumentRow key={d.id} doc={d} canWrite={canWrite} />
          ))}
        </Stack>
      )}
      {creating ? <NewDocumentModal productCode={productCode} onClose={create.close} /> : null}
      {importing ? <ImportDocumentModal productCode={productCode} onClose={importer.close} /> : null}
    </Card>
  );
}

function DocumentRow({ doc, canWrite }: { doc: DocumentSummary; canWrite: boolean }) {
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="document-row">
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Badge size="sm" variant="light" color={doc.kind === 'prd' ? 'indigo' : 'teal'}>
              {doc.kind.toUpperCase()}
            </Badge>
            <AnchorLink to="/documents/$id" params={{ id: doc.id }} fw={600} truncate>
              {doc.title}
            </AnchorLink>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {doc.currentVersion
              ? `v${doc.currentVersion.version} · ${personName(doc.currentVersion.author, 'unknown')} · ${formatRelative(doc.currentVersion.createdAt)}`
              : 'No version yet'}{' '}
            · {doc.versionCount} {doc.versionCount === 1 ? 'version' : 'versions'}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={toggle} aria-expanded={open}>
            {open ? 'Hide history' : 'History'}
          </Button>
          {canWrite ? (
            <ButtonLink size="xs" variant="light" to="/documents/$id/edit" params={{ id: doc.id }}>
              Edit
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <Collapse expanded={open}>
        {open ? (
          <div style={{ paddingTop: 12 }}>
            <VersionTimeline documentId={doc.id} />
          </div>
        ) : null}
      </Collapse>
    </Card>
  );
}
