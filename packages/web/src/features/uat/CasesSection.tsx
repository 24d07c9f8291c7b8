// A session's cases in order, each with its latest result as a chip and a button that opens the runner on it; the
// manager generates them from the stories' Gherkin and sees what was created, left unchanged and skipped, and why.
import { Alert, Button, Card, Group, Stack } from '@mantine/core';
import { errorMessage } from '../../lib/errors.ts';
import { EmptyState } from '../../ui/States.tsx';
import type { UatCase, UatGenerated } from './api.ts';
import { CaseHeading } from './CaseHeading.tsx';
import { generatedLine } from './format.ts';
import { firstToRun } from './runner.ts';
import { useGenerateCases } from './use-generate-cases.ts';

type Props = {
  code: string;
  sessionKey: string;
  cases: readonly UatCase[];
  canManage: boolean;
  hasSprint: boolean;
  onRun: (caseKey: string) => void;
};

export function CasesSection({ code, sessionKey, cases, canManage, hasSprint, onRun }: Props) {
  const generate = useGenerateCases(code, sessionKey);
  const start = firstToRun(cases);
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {start ? (
          <Button onClick={() => onRun(start)} className="uat-tap" data-testid="start-testing">
            Run cases
          </Button>
        ) : null}
        {canManage ? (
          <Button
            variant="light"
            className="uat-tap"
            loading={generate.isPending}
            disabled={!hasSprint}
            title={hasSprint ? undefined : 'Pick a sprint for the session first'}
            onClick={() => generate.mutate(undefined)}
            data-testid="generate-cases"
          >
            Generate cases from stories
          </Button>
        ) : null}
      </Group>
      {generate.data ? <GeneratedAlert generated={generate.data} /> : null}
      {generate.error ? (
        <Alert color="red" variant="light" data-testid="generate-error">
          {errorMessage(generate.error)}
        </Alert>
      ) : null}
      {cases.length === 0 ? (
        <EmptyState title="No test cases yet">
          {hasSprint
            ? "Generate them from the sprint's stories: each Gherkin scenario becomes a case."
            : 'This session has no sprint to generate cases from.'}
        </EmptyState>
      ) : (
        <Stack gap={6} data-testid="case-list">
          {cases.map((c) => (
            <Card key={c.id} withBorder padding="xs" data-testid="case-row" data-key={c.key} data-status={c.status}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <CaseHeading item={c} />
                </div>
                <Button
                  variant="default"
                  className="uat-tap"
                  onClick={() => onRun(c.key)}
                  aria-label={`Run ${c.key}`}
                  data-testid="run-case"
                >
                  Run
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function GeneratedAlert({ generated }: { generated: UatGenerated }) {
  return (
    <Alert color={generated.created.length ? 'green' : 'gray'} variant="light" data-testid="generated-result">
      {generatedLine(generated)}
    </Alert>
  );
}
