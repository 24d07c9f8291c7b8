import { Alert, Badge, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { canWriteDocuments, useSession } from '../auth/session.tsx';
import { DocumentGateCard } from '../gate/DocumentGateCard.tsx';
import type { DocumentDetail, VersionWithBody } from './api.ts';
import { MarkdownView } from './MarkdownView.tsx';
import { MetadataTable } from './MetadataTable.tsx';
import { useDocument, useVersion, useVersions } from './queries.ts';
import { VersionTimeline } from './VersionTimeline.tsx';

const route = getRouteApi('/documents/$id');

export const subsidiaryCode = (doc: DocumentDetail) => doc.product.subsidiary.code;

export function DocumentPage() {
  const { id } = route.useParams();
  const { version } = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const doc = useDocument(id);
  const versions = useVersions(id);
  const current = doc.data?.document.currentVersion.version;
  const viewingOld = Boolean(version && version !== current);
  const old = useVersion(id, viewingOld ? version : undefined);

  if (doc.isPending) return <LoadingState label="Loading document…" />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  const { document } = doc.data;
  const shown: VersionWithBody | undefined = viewingOld ? old.data : document.currentVersion;
  const previous = versions.data?.[1]?.version;
  const canWrite = canWriteDocuments(me, subsidiaryCode(document));

  return (
    <Stack gap="md" data-testid="document-page">
      <Breadcrumbs>
        <AnchorLink to="/" size="sm">
          Portfolio
        </AnchorLink>
        <AnchorLink to="/products/$code" params={{ code: document.product.code }} size="sm">
          {document.product.code}
        </AnchorLink>
        <Text size="sm">{document.code}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Badge variant="light" color={document.kind === 'prd' ? 'indigo' : 'teal'}>
              {document.kind.toUpperCase()}
            </Badge>
            <Text ff="monospace" c="dimmed" size="sm" data-testid="document-code">
              {document.code} v{shown?.version ?? version}
            </Text>
          </Group>
          <Title order={2} data-testid="document-title">
            {document.title}
          </Title>
          {shown ? (
            <Text size="xs" c="dimmed">
              {personName(shown.author, 'Unknown author')} · {formatDateTime(shown.createdAt)}
              {shown.sourceFile ? ` · imported from ${shown.sourceFile}` : ''}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          {previous ? (
            <ButtonLink
              variant="default"
              to="/documents/$id/diff"
              params={{ id }}
              search={{ from: previous, to: current }}
              data-testid="compare-versions"
            >
              Compare versions
            </ButtonLink>
          ) : null}
          {canWrite ? (
            <ButtonLink to="/documents/$id/edit" params={{ id }} data-testid="edit-document">
              Edit
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 9 }}>
          {viewingOld ? (
            <Alert color="yellow" mb="sm" data-testid="old-version-notice">
              You are reading v{version}, not the current v{current}.{' '}
              <AnchorLink to="/documents/$id" params={{ id }} search={{}}>
                Show the current version
              </AnchorLink>
            </Alert>
          ) : null}
          <Card withBorder radius="md" p="lg">
            {viewingOld && old.isPending ? (
              <LoadingState label={`Loading v${version}…`} />
            ) : viewingOld && old.isError ? (
              <ErrorState error={old.error} onRetry={() => void old.refetch()} />
            ) : (
              <MarkdownView source={shown?.body ?? ''} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          {document.kind === 'prd' ? (
            <Stack mb="md">
              <DocumentGateCard
                documentId={id}
                documentCode={document.code}
                productCode={document.product.code}
                currentVersion={document.currentVersion.version}
                canSubmit={canWrite}
              />
            </Stack>
          ) : null}
          {shown && Object.keys(shown.metadata ?? {}).length > 0 ? (
            <Card withBorder radius="md" mb="md" component="aside" aria-label="Details">
              <Title order={5} mb="xs">
                Details
              </Title>
              <MetadataTable metadata={shown.metadata} />
            </Card>
          ) : null}
          <Card withBorder radius="md" component="aside" aria-label="Versions">
            <Title order={5} mb="sm">
              Versions
            </Title>
            <VersionTimeline
              documentId={id}
              selected={shown?.version ?? version}
              onSelect={(v) => void navigate({ search: { version: v === current ? undefined : v } })}
            />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
