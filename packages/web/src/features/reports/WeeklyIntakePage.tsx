// /reports/weekly-intake: the weekly PI Studio metrics and intake-quality report (research §3.1) of an ISO week — the
// last complete one by default — with the week before as comparison, and the same report as Markdown or PDF.
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { weeklyIntakeDownload } from './api.ts';
import { useWeeklyIntake } from './queries.ts';
import { ReportSections } from './ReportSections.tsx';
import { ReportTiles } from './ReportTiles.tsx';
import { lastCompleteWeek, shiftWeek, weekRange } from './week.ts';

const route = getRouteApi('/reports/weekly-intake');

export function WeeklyIntakePage() {
  const { week } = route.useSearch();
  const navigate = useNavigate();
  const report = useWeeklyIntake(week);
  const shown = week ?? report.data?.periodLabel ?? lastCompleteWeek(Date.now());
  const latest = lastCompleteWeek(Date.now());
  const go = (n: number) => void navigate({ to: '/reports/weekly-intake', search: { week: shiftWeek(shown, n) } });
  return (
    <Stack gap="md" data-testid="weekly-intake-page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} maw={760}>
          <Title order={2}>Weekly intake quality</Title>
          <Text size="sm" c="dimmed">
            How PRDs fared at the gate in one week, against the week before: first-time passes, cycle time, what sent
            PRDs back, and what is waiting. Counts only the subsidiaries you have a role in.
          </Text>
        </Stack>
        <Group gap="md" wrap="wrap">
          <Anchor href={weeklyIntakeDownload('md', week)} download size="sm" data-testid="report-download-md">
            Markdown
          </Anchor>
          <Anchor href={weeklyIntakeDownload('pdf', week)} download size="sm" data-testid="report-download-pdf">
            PDF
          </Anchor>
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" size="xs" onClick={() => go(-1)} data-testid="report-previous-week">
          Previous week
        </Button>
        <Text fw={600} data-testid="report-week">
          {shown} · {weekRange(shown)}
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => go(1)}
          disabled={shown >= latest}
          data-testid="report-next-week"
        >
          Next week
        </Button>
      </Group>
      {report.isPending ? (
        <LoadingState label="Composing the report…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Text size="xs" c="dimmed">
            Time zone {report.data.zone} · data as of {report.data.watermark.slice(0, 16).replace('T', ' ')}
          </Text>
          <ReportTiles tiles={report.data.tiles} />
          <ReportSections sections={report.data.sections} />
        </>
      )}
    </Stack>
  );
}
