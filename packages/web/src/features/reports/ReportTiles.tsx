// The report's tiles: value, change against the period before (coloured by better or worse for that tile, never by up
// or down), target, and the tile's sentence as the e-mail and the Markdown say it.
import { Card, SimpleGrid, Text } from '@mantine/core';
import { formatDelta, formatValue, type Tile, tileSentence, tileState } from '@pi-studio/core/reports/snapshot';

const STATE_COLOR = { good: 'teal.8', bad: 'red.8', neutral: 'dimmed' } as const;

export function ReportTiles({ tiles }: { tiles: readonly Tile[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
      {tiles.map((t) => (
        <Card key={t.label} withBorder radius="md" data-testid="report-tile">
          <Text size="sm" c="dimmed">
            {t.label}
          </Text>
          <Text fz={28} fw={700} data-testid="report-tile-value">
            {formatValue(t.value, t.unit)}
          </Text>
          <Text size="sm" c={STATE_COLOR[tileState(t)]}>
            {formatDelta(t) ?? 'no earlier figure'}
            {t.target === null ? '' : ` · target ${formatValue(t.target, t.unit)}`}
          </Text>
          <Text size="xs" c="dimmed" mt={6}>
            {tileSentence(t)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
