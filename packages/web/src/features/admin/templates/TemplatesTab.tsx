import { Card, Grid, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useTemplates } from '../queries.ts';
import { TemplateDetailPanel } from './TemplateDetailPanel.tsx';
import { TemplateList } from './TemplateList.tsx';

export function TemplatesTab() {
  const templates = useTemplates();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Card withBorder>
          <QueryState
            query={templates}
            isEmpty={(d) => d.items.length === 0}
            emptyTitle="No templates"
            testId="templates"
          >
            {(data) => <TemplateList templates={data.items} selectedId={selectedId} onSelect={setSelectedId} />}
          </QueryState>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        {selectedId ? (
          <TemplateDetailPanel id={selectedId} />
        ) : (
          <Text c="dimmed" ta="center" py="xl">
            Select a template to see its versions and edit it.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
