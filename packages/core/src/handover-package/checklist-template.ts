// A readiness checklist template (the Definition of Done for handover): versioned data, because IT changes it after
// post-handover gaps (research/handover.md §6, feedback loop). Applicability per product type and flag decides, per
// product, whether an item is required, recommended or not applicable.
import { PRODUCT_TYPES, type ProductFlag, type ProductType } from './profile.ts';

export const CHECKLIST_GROUPS = ['SCP', 'QA', 'SEC', 'OPS', 'SUP', 'DOC', 'OWN'] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];

export const CHECKLIST_GROUP_LABELS: Readonly<Record<ChecklistGroup, string>> = {
  SCP: 'Scope',
  QA: 'Quality',
  SEC: 'Security & privacy',
  OPS: 'Operations',
  SUP: 'Support',
  DOC: 'Documentation',
  OWN: 'Ownership',
};

/**
 * For which products an item counts. A type in `required` or `recommended` gets that level; any other type finds
 * the item not applicable. `whenFlags` narrows it further: the item applies only to products with at least one of
 * those flags ("Req if ext", "Req if ext or pii").
 */
export type Applicability = {
  required: readonly ProductType[];
  recommended: readonly ProductType[];
  whenFlags?: readonly ProductFlag[];
};

export type ChecklistItemDef = {
  /** Stable id, `<GROUP>-<n>` (e.g. `SCP-1`); gaps and waivers refer to it across template versions. */
  id: string;
  group: ChecklistGroup;
  /** What must be true, one line. */
  text: string;
  why: string;
  /** What proves it: a link, file or record id, never a bare checkbox. */
  evidence: string;
  applies: Applicability;
};

/** How the readiness score weighs items (see readiness-score.ts); versioned with the template. */
export type ScoreWeights = { required: number; recommended: number };

export type ChecklistTemplate = {
  id: string;
  version: number;
  title: string;
  weights: ScoreWeights;
  items: readonly ChecklistItemDef[];
};

/** Applicability shorthands for the template data: every type, or every type not already named. */
export const ALL_TYPES: readonly ProductType[] = PRODUCT_TYPES;

export function othersThan(...named: ProductType[]): ProductType[] {
  return PRODUCT_TYPES.filter((t) => !named.includes(t));
}
