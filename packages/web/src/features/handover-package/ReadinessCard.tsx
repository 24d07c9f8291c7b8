// The package's readiness at a glance: the score, the required and recommended shares, and every blocking item named
// with its owner and why it blocks, then the waivers the review must confirm.
import { Badge, Card, Divider, Group, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PackageReadiness } from './api.ts';
import { plural, scoreColor, shareLine } from './format.ts';

export function ReadinessCard({ readiness: r, accepted }: { readiness: PackageReadiness; accepted: boolean }) {
  const color = scoreColor(r.score, r.ready);
  return (
    <Card withBorder radius="md" component="section" aria-label="Readiness" data-testid="readiness-card">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Group gap="lg" wrap="nowrap" align="center">
          <RingProgress
            size={104}
            thickness={10}
            roundCaps
            sections={[{ value: r.score, color }]}
            label={
              <Text ta="center" fw={700} size="xl" data-testid="readiness-score">
                {r.score}
              </Text>
            }
            aria-label={`Readiness score ${r.score} of 100`}
          />
          <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Title order={4}>Readiness</Title>
              <Badge
                color={r.ready ? 'green' : 'red'}
                variant="light"
                data-testid="readiness-ready"
                data-ready={r.ready}
              >
                {accepted ? 'Handed over' : r.ready ? 'Ready for review' : plural(r.blocking.length, 'blocker')}
              </Badge>
            </Group>
            <Share label="Required" share={r.required} color={color} testId="readiness-required" />
            <Share label="Recommended" share={r.recommended} color="gray" testId="readiness-recommended" />
          </Stack>
        </Group>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {r.blocking.length === 0 ? 'Nothing blocks the handover' : 'What blocks the handover'}
          </Text>
          {r.blocking.length === 0 ? (
            <Text size="sm" c="dimmed">
              Every required item is done with evidence, waived with approval or not applicable.
            </Text>
          ) : (
            <Stack gap={6} data-testid="blocking-list" mah={220} style={{ overflowY: 'auto' }}>
              {r.blocking.map((b) => (
                <Stack key={b.itemId} gap={0} data-testid="blocking-item" data-item={b.itemId}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Text span fw={600}>
                      {b.itemId}
                    </Text>{' '}
                    {b.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {b.owner ? `Owner: ${b.owner}` : 'No owner yet'} · {b.message}
                  </Text>
                </Stack>
              ))}
            </Stack>
          )}
          {r.waived.length > 0 ? (
            <>
              <Divider my={4} />
              <Text size="sm" fw={600}>
                Waived, to confirm at the review
              </Text>
              {r.waived.map((w) => (
                <Text key={w.itemId} size="xs" c="dimmed" data-testid="waived-item">
                  {w.itemId} {w.label}: {w.reason} (approved by {w.approver})
                </Text>
              ))}
            </>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function Share({
  label,
  share,
  color,
  testId,
}: {
  label: string;
  share: PackageReadiness['required'];
  color: string;
  testId: string;
}) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" c="dimmed" data-testid={testId}>
          {shareLine(share)}
        </Text>
      </Group>
      <Progress value={share.percent ?? 0} color={color} size="sm" aria-label={`${label} items met`} />
    </Stack>
  );
}
