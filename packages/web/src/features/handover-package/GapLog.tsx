// IT's gap log once the product is live: what IT found missing after the handover, and which checklist item should
// have caught it (that feeds the checklist template's next version).
import { Badge, Button, Card, Grid, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS, PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { personName } from '../../lib/people.ts';
import { FormError } from '../../ui/FormError.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { GapReport, PackageItem } from './api.ts';
import { GAP_SEVERITY_COLOR } from './format.ts';
import { useGaps } from './queries.ts';
import { useReportGap } from './use-report-gap.ts';

type Severity = GapReport['severity'];

export function GapLog({ code, items, canReport }: { code: string; items: PackageItem[]; canReport: boolean }) {
  const gaps = useGaps(code);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
        <Card withBorder radius="md" component="section" aria-label="Gap log" data-testid="gap-log">
          <Title order={4} mb="xs">
            Gaps found after handover
          </Title>
          <QueryState
            query={gaps}
            isEmpty={(d) => d.items.length === 0}
            emptyTitle="No gaps reported"
            emptyDescription="IT logs here what the handover missed, so the checklist catches it next time."
            testId="gaps"
          >
            {(d) => (
              <Stack gap="sm">
                {d.items.map((g) => (
                  <Stack
                    key={g.id}
                    gap={2}
                    pb="xs"
                    style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                    data-testid="gap-entry"
                  >
                    <Group gap="xs" wrap="wrap">
                      <Badge color={GAP_SEVERITY_COLOR[g.severity]} variant="light">
                        {GAP_SEVERITY_LABELS[g.severity]}
                      </Badge>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {g.title}
                      </Text>
                    </Group>
                    {g.description ? (
                      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                        {g.description}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      Release {g.release} · reported {formatDate(g.reportedOn)} by {personName(g.reportedBy, 'someone')}
                      {g.itemId
                        ? ` · should have been caught by ${g.itemId}${g.itemLabel ? ` ${g.itemLabel}` : ''}`
                        : ''}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </QueryState>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
        {canReport ? (
          <ReportGapForm code={code} items={items} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="gap-report-it-only">
            IT reports the gaps it finds after the handover.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

function ReportGapForm({ code, items }: { code: string; items: PackageItem[] }) {
  const report = useReportGap(code);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<Severity>('major');
  const [itemId, setItemId] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(
      { title: title.trim(), description: description.trim(), severity, itemId },
      {
        onSuccess: () => {
          notifySuccess('Gap logged');
          setTitle('');
          setDescription('');
          setItemId(null);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="report-gap-form">
      <Stack gap="sm">
        <Title order={4}>Report a gap</Title>
        <FormError error={report.error} fields={['title', 'description', 'severity', 'itemId']} />
        <TextInput
          label="What was missing"
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(report.error, 'title')}
          data-testid="report-gap-title"
        />
        <Textarea
          label="Details"
          autosize
          minRows={2}
          maxLength={PACKAGE_LIMITS.gapText}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError(report.error, 'description')}
          data-testid="report-gap-description"
        />
        <Select
          label="Severity"
          data={GAP_SEVERITIES.map((s) => ({ value: s, label: GAP_SEVERITY_LABELS[s] }))}
          value={severity}
          onChange={(v) => v && setSeverity(v as Severity)}
          allowDeselect={false}
          data-testid="report-gap-severity"
        />
        <Select
          label="Checklist item that should have caught it"
          placeholder="None"
          data={items.map((i) => ({ value: i.id, label: `${i.id} ${i.text}` }))}
          value={itemId}
          onChange={setItemId}
          searchable
          clearable
          error={fieldError(report.error, 'itemId')}
          data-testid="report-gap-item"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={report.isPending} disabled={!title.trim()} data-testid="report-gap-submit">
            Log the gap
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
