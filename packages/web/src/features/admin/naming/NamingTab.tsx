import { Badge, Card, Grid, Group, Stack, Title } from '@mantine/core';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useMe, useNaming } from '../queries.ts';
import { ConventionEditor } from './ConventionEditor.tsx';
import { IdTester } from './IdTester.tsx';

export function NamingTab() {
  const naming = useNaming();
  const me = useMe();
  const canEdit = me.data?.user.isAdmin ?? false;

  return (
    <QueryState query={naming} testId="naming">
      {(data) => (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card withBorder>
              <Stack>
                <Group justify="space-between">
                  <Title order={4}>Naming convention</Title>
                  <Badge variant="light" data-testid="naming-version">
                    version {String(data.version)}
                  </Badge>
                </Group>
                <ConventionEditor key={String(data.version)} convention={data.convention} canEdit={canEdit} />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <IdTester />
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
}
