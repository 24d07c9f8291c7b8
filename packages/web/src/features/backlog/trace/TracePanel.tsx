// The traceability tab: coverage of the PRD by the build (requirements × stories, gaps highlighted, a CSV download),
// down to UAT's test cases, results, defects and retests once there are any (issue #13), and the drift against the
// baseline, each item with the way to resolve it.
import { Alert, Button, Card, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../../ui/QueryState.tsx';
import { plural } from '../format.ts';
import type { DriftItem } from './api.ts';
import { matrixCsvHref } from './api.ts';
import { DriftList } from './DriftList.tsx';
import { noDriftLabel } from './format.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { MatrixUatSummary } from './MatrixUatSummary.tsx';
import {
  filterMatrixRows,
  hasUatCases,
  MATRIX_FILTER_LABEL,
  type MatrixFilter,
  matrixFilters,
  NO_ROWS_LABEL,
} from './matrix-uat.ts';
import { useDrift, useMatrix } from './queries.ts';
import { useOpenCase } from './use-open-case.ts';

type Props = {
  code: string;
  onOpenStory: (key: string) => void;
  /** Present for people who may raise a change request. */
  onRaiseChange?: (item: DriftItem) => void;
};

export function TracePanel({ code, onOpenStory, onRaiseChange }: Props) {
  const matrix = useMatrix(code);
  const drift = useDrift(code);
  const openCase = useOpenCase(code);
  const [show, setShow] = useState<MatrixFilter>('all');

  return (
    <Stack gap="lg" data-testid="trace-panel">
      <Card withBorder radius="md" component="section" aria-label="Coverage">
        <QueryState
          query={matrix}
          testId="matrix"
          isEmpty={(m) => m.rows.length === 0 && m.orphanStories.length === 0}
          emptyTitle="Nothing to trace yet"
          emptyDescription="Sync the requirements from the PRD that passed the gate, then write or generate stories."
        >
          {(m) => {
            const uat = hasUatCases(m);
            // A UAT filter chosen before the cases went away falls back to all rows.
            const filter = matrixFilters(uat).includes(show) ? show : 'all';
            const rows = filterMatrixRows(m.rows, filter);
            return (
              <Stack gap="sm">
                <Group justify="space-between" gap="sm">
                  <div>
                    <Title order={5}>Coverage</Title>
                    <Text size="sm" data-testid="matrix-coverage">
                      {m.covered} of {plural(m.total, 'requirement')} {m.total === 1 ? 'has' : 'have'} a story (
                      {m.coverage}%) · {plural(m.uncoveredRequirements.length, 'gap')} ·{' '}
                      {plural(m.orphanStories.length, 'story', 'stories')} with no requirement
                    </Text>
                  </div>
                  <Group gap="xs" wrap="wrap">
                    <Chip.Group value={filter} onChange={(v) => setShow(v as MatrixFilter)}>
                      <Group gap={6} wrap="wrap" role="radiogroup" aria-label="Show" data-testid="matrix-show">
                        {matrixFilters(uat).map((f) => (
                          <Chip key={f} value={f} size="xs" wrapperProps={{ 'data-testid': `matrix-show-${f}` }}>
                            {MATRIX_FILTER_LABEL[f]}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                    <Button
                      component="a"
                      href={matrixCsvHref(code)}
                      download
                      size="xs"
                      variant="default"
                      data-testid="matrix-csv"
                    >
                      Download CSV
                    </Button>
                  </Group>
                </Group>
                <MatrixUatSummary code={code} matrix={m} uat={uat} />
                {rows.length > 0 ? (
                  <MatrixTable rows={rows} onOpen={onOpenStory} uat={uat} onOpenCase={openCase} />
                ) : (
                  <Text size="sm" c="dimmed" data-testid="matrix-no-rows">
                    {NO_ROWS_LABEL[filter]}
                  </Text>
                )}
                {m.orphanStories.length > 0 ? (
                  <Alert color="red" variant="light" title="Built but not in the PRD" data-testid="matrix-orphans">
                    <Text size="sm">
                      {m.orphanStories.map((s) => s.key).join(', ')} {m.orphanStories.length === 1 ? 'traces' : 'trace'}{' '}
                      to no requirement in the PRD. Link {m.orphanStories.length === 1 ? 'it' : 'them'} to a
                      requirement, or raise a change request.
                    </Text>
                  </Alert>
                ) : null}
              </Stack>
            );
          }}
        </QueryState>
      </Card>

      <Card withBorder radius="md" component="section" aria-label="Drift" data-testid="drift-panel">
        <Title order={5} mb="xs">
          Drift from the gate baseline
        </Title>
        <QueryState
          query={drift}
          testId="drift"
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={drift.data?.baseline ? 'No drift' : 'No baseline yet'}
          emptyDescription={drift.data ? noDriftLabel(drift.data) : undefined}
        >
          {(d) => (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                Baseline PRD {d.baseline?.version}
                {d.current && d.current.version !== d.baseline?.version ? `, newest ${d.current.version}` : ''}:{' '}
                {plural(d.items.length, 'item')} to resolve.
              </Text>
              <DriftList items={d.items} onOpenStory={onOpenStory} onRaiseChange={onRaiseChange} />
            </Stack>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
