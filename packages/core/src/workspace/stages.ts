export const STAGES = ['intake', 'gate', 'build', 'uat', 'handover', 'live', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  intake: 'Intake',
  gate: 'PRD gate',
  build: 'Build',
  uat: 'UAT',
  handover: 'Handover',
  live: 'Live',
  archived: 'Archived',
};

export const TAXONOMY_KINDS = ['product_type', 'tag'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];
