// The templates seeded as v1.0 on an empty database. Rules as data: admins and product ops edit them as new versions.
import type { DocumentKind } from './kinds.ts';
import { CONTEXT_TEMPLATE } from './templates/context.ts';
import { HANDOVER_TEMPLATE } from './templates/handover.ts';
import { PRD_TEMPLATE } from './templates/prd.ts';
import { STORY_TEMPLATE } from './templates/story.ts';

export type DefaultTemplate = { kind: DocumentKind; name: string; body: string };

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  { kind: 'context', name: 'Context', body: CONTEXT_TEMPLATE },
  { kind: 'prd', name: 'PRD', body: PRD_TEMPLATE },
  { kind: 'story', name: 'User Story', body: STORY_TEMPLATE },
  { kind: 'handover', name: 'Handover', body: HANDOVER_TEMPLATE },
];
