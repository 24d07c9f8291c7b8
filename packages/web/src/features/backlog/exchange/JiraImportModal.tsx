// Statuses back from Jira: pick the CSV export, see what it would change (a dry run, with a progress bar while a
// large file uploads and is read), then apply all of it — or nothing, when any row has a problem.
import { Alert, Button, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { plural, STORY_STATUS_LABEL } from '../format.ts';
import { backlogKeys } from '../queries.ts';
import { IMPORT_MAX_BYTES, importJira, type JiraImportPlan, type UploadProgress } from './api.ts';
import { planSummary, progressOf } from './format.ts';

type Props = { code: string; opened: boolean; onClose: () => void };

export function JiraImportModal({ code, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Update statuses from a Jira CSV export" size="xl" centered>
      {opened ? <JiraImport code={code} onDone={onClose} /> : null}
    </Modal>
  );
}

const SHOWN = 200;

function JiraImport({ code, onDone }: { code: string; onDone: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<JiraImportPlan | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [running, setRunning] = useState<'dry' | 'apply' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const tooLarge = file !== null && file.size > IMPORT_MAX_BYTES;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    abort.current = new AbortController();
    setRunning(dryRun ? 'dry' : 'apply');
    setError(null);
    setProgress({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      const result = await importJira(code, file, dryRun, setProgress, abort.current.signal);
      setPlan(result);
      if (result.applied) {
        await qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
        notifySuccess(`${plural(result.updates.length, 'status', 'statuses')} updated from Jira.`, 'Import applied');
        onDone();
      }
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      setRunning(null);
      setProgress(null);
    }
  };

  const shown = progressOf(progress, running !== 'apply');
  return (
    <Stack gap="sm" data-testid="jira-import">
      <Text size="sm" c="dimmed">
        Export the issues from Jira as CSV (all fields) and pick the file. Rows are matched on the PI Studio key (its
        column or label); only statuses change. Nothing is saved until you apply the checked plan.
      </Text>
      <FileInput
        label="Jira CSV export"
        placeholder="Pick a .csv file"
        accept=".csv,text/csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          setPlan(null);
          setError(null);
        }}
        error={tooLarge ? 'This file is larger than 10 MB, the most the server takes.' : undefined}
        disabled={running !== null}
        clearable
        data-testid="jira-file"
      />
      {running ? (
        <Stack gap={4} data-testid="jira-progress">
          <Progress value={shown.percent ?? 100} animated={shown.percent === null} striped={shown.percent === null} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {shown.label}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" data-testid="jira-error">
          {errorMessage(error)}
        </Alert>
      ) : null}
      {plan ? <PlanView plan={plan} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Close
        </Button>
        {plan?.applicable && plan.updates.length > 0 ? (
          <Button loading={running === 'apply'} onClick={() => void run(false)} data-testid="jira-apply">
            Apply {plural(plan.updates.length, 'status change')}
          </Button>
        ) : (
          <Button
            disabled={!file || tooLarge}
            loading={running === 'dry'}
            onClick={() => void run(true)}
            data-testid="jira-check"
          >
            Check the file
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function PlanView({ plan }: { plan: JiraImportPlan }) {
  return (
    <Stack gap="xs" data-testid="jira-plan">
      <Text size="sm" fw={500} data-testid="jira-plan-summary">
        {planSummary(plan)}.
      </Text>
      {plan.problems.length > 0 ? (
        <Alert color="red" variant="light" title="Nothing will be imported until these are fixed">
          <ScrollArea.Autosize mah={160}>
            {plan.problems.slice(0, SHOWN).map((p) => (
              <Text size="xs" key={`${p.line}:${p.field}`}>
                Line {p.line}, {p.field}: {p.message}
              </Text>
            ))}
          </ScrollArea.Autosize>
        </Alert>
      ) : null}
      {plan.unknown.length > 0 ? (
        <Text size="xs" c="orange">
          Not in this backlog (left alone): {plan.unknown.slice(0, 20).join(', ')}
          {plan.unknown.length > 20 ? ` and ${plan.unknown.length - 20} more` : ''}
        </Text>
      ) : null}
      {plan.updates.length > 0 ? (
        <ScrollArea.Autosize mah={260}>
          <Table verticalSpacing={4} fz="xs" data-testid="jira-updates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Story</Table.Th>
                <Table.Th>Jira issue</Table.Th>
                <Table.Th>Status now</Table.Th>
                <Table.Th>From Jira</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.updates.slice(0, SHOWN).map((u) => (
                <Table.Tr key={u.key}>
                  <Table.Td ff="monospace">{u.key}</Table.Td>
                  <Table.Td ff="monospace">{u.issueKey}</Table.Td>
                  <Table.Td>{STORY_STATUS_LABEL[u.from]}</Table.Td>
                  <Table.Td>{STORY_STATUS_LABEL[u.to]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {plan.updates.length > SHOWN ? (
            <Text size="xs" c="dimmed">
              and {plural(plan.updates.length - SHOWN, 'more change')}.
            </Text>
          ) : null}
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}
