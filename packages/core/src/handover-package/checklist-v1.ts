// Readiness checklist template v1 (39 items), the organisation-wide floor every product's Definition of Done for
// handover starts from. Weights: a required item counts three times a recommended one (readiness-score.ts).
import type { ChecklistTemplate } from './checklist-template.ts';
import { BUILD_ITEMS } from './checklist-v1-build.ts';
import { RUN_ITEMS } from './checklist-v1-run.ts';

export const READINESS_CHECKLIST_V1: ChecklistTemplate = {
  id: 'handover-readiness',
  version: 1,
  title: 'Handover readiness checklist',
  weights: { required: 3, recommended: 1 },
  items: [...BUILD_ITEMS, ...RUN_ITEMS],
};
