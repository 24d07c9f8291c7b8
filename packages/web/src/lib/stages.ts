// The product life cycle, in board order. Archived sits outside the flow and is shown collapsed.
export const STAGES = ['intake', 'gate', 'build', 'uat', 'handover', 'live', 'archived'] as const;
export type Stage = (typeof STAGES)[number];
export const FLOW_STAGES = STAGES.filter((s) => s !== 'archived');

export const STAGE_LABEL: Record<Stage, string> = {
  intake: 'Intake',
  gate: 'Gate',
  build: 'Build',
  uat: 'UAT',
  handover: 'Handover',
  live: 'Live',
  archived: 'Archived',
};

export const STAGE_COLOR: Record<Stage, string> = {
  intake: 'gray',
  gate: 'yellow',
  build: 'blue',
  uat: 'violet',
  handover: 'orange',
  live: 'green',
  archived: 'dark',
};

export const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);
