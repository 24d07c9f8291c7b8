// The product life cycle (core's, in board order) as the board shows it. Archived sits outside the flow and is shown
// collapsed.
import { STAGE_LABELS, STAGES, type Stage } from '@pi-studio/core/workspace/stages';

export { STAGES, type Stage };
export const FLOW_STAGES = STAGES.filter((s) => s !== 'archived');

/** Core's stage names, but the board's column and badges say just "Gate" (the page is about PRDs anyway). */
export const STAGE_LABEL: Record<Stage, string> = { ...STAGE_LABELS, gate: 'Gate' };

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
