import { Badge, Card, Grid, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { canEditTemplates, useMe, useTemplate } from '../queries.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { subsidiaryLabel } from './TemplateList.tsx';

export function TemplateDetailPanel({ id }: { id: string }) {
  const template = useTemplate(id);
  const me = useMe();

  return (
    <QueryState query={template} testId="template">
      {(t) => (
        <Card withBorder data-testid="template-detail">
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{t.name}</Title>
              <Group gap="xs">
                <Badge variant="light">{t.kind}</Badge>
                <Badge variant="outline">{subsidiaryLabel(t.subsidiary)}</Badge>
              </Group>
            </Group>
            <Grid>
              <Grid.Col span={{ base: 12, md: 9 }}>
                <TemplateEditor
                  key={`${t.id}:${t.currentVersion?.version ?? ''}`}
                  template={t}
                  canEdit={canEditTemplates(me.data)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 3 }}>
                <Text size="sm" fw={500} mb="xs">
                  Versions
                </Text>
                {t.versions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No versions
                  </Text>
                ) : (
                  <Timeline bulletSize={12} lineWidth={2} active={0} data-testid="template-versions">
                    {t.versions.map((v) => (
                      <Timeline.Item key={v.id} title={`v${v.version}`}>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(v.createdAt)}
                          {v.author ? ` · ${v.author.name}` : ''}
                        </Text>
                      </Timeline.Item>
                    ))}
                  </Timeline>
                )}
              </Grid.Col>
            </Grid>
          </Stack>
        </Card>
      )}
    </QueryState>
  );
}
