// The UAT figures above the matrix (issue #13): requirements no test case verifies, cases never run, open defects —
// what still stands between the build and a sign-off, in orange when it is not zero. Before the first test case,
// a pointer to the UAT page instead.
import { Alert, Group, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../../ui/Links.tsx';
import type { TraceMatrix } from './api.ts';
import { uatFigures } from './matrix-uat.ts';

export function MatrixUatSummary({ code, matrix, uat }: { code: string; matrix: TraceMatrix; uat: boolean }) {
  if (!uat) {
    return (
      <Alert color="gray" variant="light" data-testid="matrix-uat-empty" p="xs">
        <Text size="sm">
          No UAT cases yet —{' '}
          <AnchorLink to="/products/$code/uat" params={{ code }} size="sm" data-testid="matrix-plan-uat">
            plan a session
          </AnchorLink>
          . Its test cases, their results and the defects they raise then show here for each requirement.
        </Text>
      </Alert>
    );
  }
  return (
    <Group gap="lg" wrap="wrap" data-testid="matrix-uat-figures">
      {uatFigures(matrix).map((f) => (
        <Stack key={f.label} gap={0} data-testid="matrix-uat-figure" data-label={f.label}>
          <Text size="xs" c="dimmed">
            {f.label}
          </Text>
          <Text size="sm" fw={600} c={f.value > 0 ? 'orange.8' : undefined} data-testid="matrix-uat-value">
            {f.value}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}
