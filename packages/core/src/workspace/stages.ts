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

/**
 * The moves the PRD gate makes by itself (server: gate/reviews/service.ts; the web's dialogs announce the same). A
 * product in any other stage stays where it is; the later stages need their own evidence, or an administrator's
 * forced move (`POST /products/:code/stage`).
 */
export const GATE_MOVES = {
  submitted: { from: ['intake'], to: 'gate' },
  passed: { from: ['intake', 'gate'], to: 'build' },
  failed: { from: ['gate'], to: 'intake' },
} as const satisfies Record<string, { from: readonly Stage[]; to: Stage }>;
export type GateMove = keyof typeof GATE_MOVES;

/** Where a product in `stage` ends up after the gate event `move`. */
export function stageAfter(move: GateMove, stage: Stage): Stage {
  const rule = GATE_MOVES[move];
  return (rule.from as readonly Stage[]).includes(stage) ? rule.to : stage;
}
