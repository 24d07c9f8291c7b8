// The traceability tab: coverage of the PRD by the build (requirements × stories, gaps highlighted, a CSV download)
// and the drift against the baseline, each item with the way to resolve it.
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../../ui/QueryState.tsx';
import { plural } from '../format.ts';
import type { DriftItem } from './api.ts';
import { matrixCsvHref } from './api.ts';
import { DriftList } from './DriftList.tsx';
import { noDriftLabel } from './format.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { useDrift, useMatrix } from './queries.ts';

type Props = {
  code: string;
  onOpenStory: (key: string) => void;
  /** Present for people who may raise a change request. */
  onRaiseChange?: (item: DriftItem) => void;
};

export function TracePanel({ code, onOpenStory, onRaiseChange }: Props) {
  const matrix = useMatrix(code);
  const drift = useDrift(code);
  const [show, setShow] = useState<'all' | 'gaps'>('all');

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
            const rows = show === 'gaps' ? m.rows.filter((r) => !r.covered && !r.requirement.removed) : m.rows;
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
                  <Group gap="xs">
                    <SegmentedControl
                      size="xs"
                      value={show}
                      onChange={(v) => setShow(v as 'all' | 'gaps')}
                      data={[
                        { value: 'all', label: 'All requirements' },
                        { value: 'gaps', label: 'Only gaps' },
                      ]}
                      data-testid="matrix-show"
                    />
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
                {rows.length > 0 ? (
                  <MatrixTable rows={rows} onOpen={onOpenStory} />
                ) : (
                  <Text size="sm" c="dimmed">
                    Every requirement in the PRD has a story.
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
