// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// A product's stage as a coloured badge in words.
import { Badge, type BadgeProps } from '@mantine/core';
import { isStage, STAGE_COLOR, STAGE_LABEL } from '../lib/stages.ts';

export function StageBadge({ stage, ...rest }: { stage: string } & Omit<BadgeProps, 'color' | 'children'>) {
  const known = isStage(stage);
  return (
    <Badge variant="light" color={known ? STAGE_COLOR[stage] : 'gray'} data-testid="stage-badge" {...rest}>
      {known ? STAGE_LABEL[stage] : stage}
    </Badge>
  );
}
