// Findings grouped by criterion, worst first; reviewers can waive from here.
import { Accordion, Badge, Card, Divider, Group, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { EmptyState } from '../../../ui/States.tsx';
import type { GateReview, ReviewFinding } from '../api.ts';
import { SEVERITY_COLOR } from '../format.ts';
import { useRemoveWaiver } from '../use-remove-waiver.ts';
import { FindingItem } from './FindingItem.tsx';
import { groupFindings } from './group-findings.ts';
import { WaiveModal } from './WaiveModal.tsx';

export function FindingsCard({ review, canWaive }: { review: GateReview; canWaive: boolean }) {
  const [waiving, setWaiving] = useState<ReviewFinding | null>(null);
  const removeWaiver = useRemoveWaiver(review.id);
  const remove = (finding: ReviewFinding) =>
    removeWaiver.mutate(finding.id, {
      onSuccess: () => notifySuccess('Waiver removed.'),
      onError: (err) => notifyError(err, 'Waiver not removed'),
    });

  const groups = groupFindings(review.criteria, review.findings).filter((g) => g.findings.length > 0);
  const cited = new Set(review.goldenCitations.map((c) => c.criterion));
  return (
    <Card withBorder radius="md" data-testid="findings-card">
      <Title order={4} mb="sm">
        Findings{' '}
        <Text span c="dimmed" size="sm">
          ({review.findings.length})
        </Text>
      </Title>
      {groups.length === 0 ? (
        <EmptyState title="No findings">The engine found nothing to fix in this version.</EmptyState>
      ) : (
        <Accordion multiple variant="separated" defaultValue={groups.slice(0, 3).map((g) => g.criterion.id)}>
          {groups.map((g) => (
            <Accordion.Item key={g.criterion.id} value={g.criterion.id} data-testid={`finding-group-${g.criterion.id}`}>
              <Accordion.Control>
                {/* On a phone the counts go under the criterion's name instead of being cut to "1 MAJ…". */}
                <Group justify="space-between" wrap="wrap" gap={4} pr="sm">
                  <Text fw={600} size="sm">
                    {g.criterion.name}
                  </Text>
                  <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {cited.has(g.criterion.id) ? (
                      <Badge size="sm" color="yellow" variant="light">
                        golden cited
                      </Badge>
                    ) : null}
                    {(['blocker', 'major', 'minor', 'info'] as const).map((s) => {
                      const n = g.findings.filter((f) => f.severity === s && !f.waiver).length;
                      return n > 0 ? (
                        <Badge key={s} size="sm" color={SEVERITY_COLOR[s]} variant="light">
                          {n} {s}
                        </Badge>
                      ) : null;
                    })}
                    <Text size="xs" c="dimmed" w={40} ta="right">
                      {Math.round(g.criterion.score * 100)}%
                    </Text>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {g.findings.map((f, i) => (
                  <Fragment key={f.id}>
                    {i > 0 ? <Divider /> : null}
                    <FindingItem
                      finding={f}
                      documentId={review.document.id}
                      version={review.version}
                      onWaive={canWaive ? () => setWaiving(f) : undefined}
                      onRemoveWaiver={canWaive ? () => remove(f) : undefined}
                    />
                  </Fragment>
                ))}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <WaiveModal reviewId={review.id} finding={waiving} onClose={() => setWaiving(null)} />
    </Card>
  );
}
