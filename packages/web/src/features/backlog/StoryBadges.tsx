// A story's status and type as badges in words.
import { Badge } from '@mantine/core';
import type { StoryStatus, StoryType } from './api.ts';
import { STORY_STATUS_COLOR, STORY_STATUS_LABEL, STORY_TYPE_LABEL } from './format.ts';

export function StatusBadge({ status }: { status: StoryStatus }) {
  return (
    <Badge
      size="sm"
      variant="light"
      color={STORY_STATUS_COLOR[status]}
      data-testid="story-status"
      data-status={status}
      style={{ textTransform: 'none', flexShrink: 0 }}
    >
      {STORY_STATUS_LABEL[status]}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: StoryType }) {
  return (
    <Badge
      size="sm"
      variant={type === 'bug' ? 'filled' : 'dot'}
      color={type === 'bug' ? 'red' : 'gray'}
      data-testid="story-type"
      style={{ textTransform: 'none', flexShrink: 0 }}
    >
      {STORY_TYPE_LABEL[type]}
    </Badge>
  );
}
