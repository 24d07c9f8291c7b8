// The weekly handover readiness checkpoint: every product nearing handover (UAT or Handover), with its release, target
// date, readiness and what blocks it, and the same as a Markdown file to paste into the meeting's notes (or a PDF). A
// table on a wide screen, one card per product on a phone.
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/Links.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { CHECKPOINT_MARKDOWN_URL, CHECKPOINT_PDF_URL, type CheckpointRow } from './api.ts';
import { blockersLine, scoreColor } from './format.ts';
import { useCheckpoint } from './queries.ts';

export function CheckpointPage() {
  const checkpoint = useCheckpoint();
  return (
    <Stack gap="md" data-testid="checkpoint-page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} maw={760}>
          <Title order={2}>Handover checkpoint</Title>
          <Text size="sm" c="dimmed">
            Products in UAT or handover, soonest target date first: how ready each package is and what still blocks it.
            {checkpoint.data ? ` As of ${formatDateTime(checkpoint.data.generatedAt)}.` : ''}
          </Text>
        </Stack>
        <Group gap="md" wrap="wrap">
          <AnchorLink to="/handover/stats" size="sm" data-testid="checkpoint-stats-link">
            Statistics
          </AnchorLink>
          <AnchorLink to="/handover/templates" size="sm" data-testid="checkpoint-templates-link">
            Checklist templates
          </AnchorLink>
          <Anchor href={CHECKPOINT_MARKDOWN_URL} download size="sm" data-testid="checkpoint-download">
            Download Markdown
          </Anchor>
          <Anchor href={CHECKPOINT_PDF_URL} download size="sm" data-testid="checkpoint-download-pdf">
            Download PDF
          </Anchor>
        </Group>
      </Group>
      {checkpoint.isPending ? (
        <LoadingState label="Loading the checkpoint…" />
      ) : checkpoint.isError ? (
        <ErrorState error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />
      ) : checkpoint.data.items.length === 0 ? (
        <EmptyState title="No product is nearing handover">
          Products appear here when they reach UAT or Handover, with their package's readiness once one is started.
        </EmptyState>
      ) : (
        <>
          <CheckpointTable rows={checkpoint.data.items} />
          <CheckpointCards rows={checkpoint.data.items} />
        </>
      )}
    </Stack>
  );
}

function Readiness({ row }: { row: CheckpointRow }) {
  if (row.score === null)
    return (
      <Text size="sm" c="dimmed">
        No package
      </Text>
    );
  return (
    <Badge color={scoreColor(row.score, row.ready)} variant="light" data-testid="checkpoint-score">
      {row.score}%{row.ready ? ' · ready' : ''}
    </Badge>
  );
}

function ProductLink({ row }: { row: CheckpointRow }) {
  return (
    <AnchorLink to="/products/$code/handover/package" params={{ code: row.productCode }} size="sm" fw={500}>
      {row.productName}
    </AnchorLink>
  );
}

function CheckpointTable({ rows }: { rows: CheckpointRow[] }) {
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="checkpoint-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Subsidiary</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Release</Table.Th>
              <Table.Th>Target date</Table.Th>
              <Table.Th>Readiness</Table.Th>
              <Table.Th>Blockers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.productCode} data-testid="checkpoint-row" data-product={row.productCode}>
                <Table.Td>
                  <ProductLink row={row} />
                  <Text size="xs" c="dimmed">
                    {row.productCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.subsidiary}</Text>
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={row.stage} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.release ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(row.targetDate)}</Text>
                </Table.Td>
                <Table.Td>
                  <Readiness row={row} />
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" title={row.blockers.map((b) => `${b.itemId} ${b.label}`).join('\n')}>
                    {row.score === null ? '—' : blockersLine(row.blockers)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

function CheckpointCards({ rows }: { rows: CheckpointRow[] }) {
  return (
    <Stack gap="sm" hiddenFrom="sm" data-testid="checkpoint-cards">
      {rows.map((row) => (
        <Card key={row.productCode} withBorder radius="md" p="sm" data-testid="checkpoint-card">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <ProductLink row={row} />
                <Text size="xs" c="dimmed">
                  {row.productCode} · {row.subsidiary}
                </Text>
              </Stack>
              <Readiness row={row} />
            </Group>
            <Group gap="xs" wrap="wrap">
              <StageBadge stage={row.stage} />
              <Text size="sm">
                {row.release ? `Release ${row.release}` : 'No release yet'} · target {formatDate(row.targetDate)}
              </Text>
            </Group>
            {row.score !== null ? (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Blockers: {blockersLine(row.blockers)}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
