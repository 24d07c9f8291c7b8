// Drift items as a list: what drifted in the API's words, its kind as a label, where and since when. A story key
// opens the story when the page can (the backlog page's editor); a requirement item offers a change request.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format.ts';
import type { DriftItem } from './api.ts';
import { DRIFT_KIND_LABEL, isRequirementDrift, sinceLabel, whereLabel } from './format.ts';

type Props = {
  items: readonly DriftItem[];
  onOpenStory?: (key: string) => void;
  onRaiseChange?: (item: DriftItem) => void;
};

export function DriftList({ items, onOpenStory, onRaiseChange }: Props) {
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Drift">
      {items.map((item) => (
        <Paper
          component="li"
          withBorder
          radius="md"
          p="sm"
          key={`${item.kind}:${item.where.requirementId ?? ''}:${item.where.storyKey ?? ''}`}
          data-testid="drift-item"
          data-kind={item.kind}
        >
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge size="sm" variant="light" color={isRequirementDrift(item.kind) ? 'orange' : 'red'} tt="none">
                {DRIFT_KIND_LABEL[item.kind]}
              </Badge>
              <Text size="xs" c="dimmed">
                {sinceLabel(item, formatDate)}
              </Text>
            </Group>
            <Text size="sm" data-testid="drift-what">
              {item.what}
            </Text>
            <Group gap="sm" wrap="wrap">
              {item.where.storyKey && onOpenStory ? (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => onOpenStory(item.where.storyKey ?? '')}
                  data-testid="drift-open-story"
                >
                  Open {item.where.storyKey}
                </Anchor>
              ) : (
                <Text size="xs" c="dimmed">
                  {whereLabel(item.where)}
                </Text>
              )}
              {onRaiseChange ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onRaiseChange(item)}
                  data-testid="drift-raise-change"
                >
                  Raise a change request
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
