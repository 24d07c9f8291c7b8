// Onboarding checklists for new POs and VBs (issue #15): what every newcomer does in their first weeks, and the
// progress ProductOps sees. Some steps are proven by the studio's own records (a first PRD gated, a Golden PRD
// opened), the others are ticked by the person.

export type OnboardingStepId =
  | 'read_playbook'
  | 'golden_prd'
  | 'first_prd_gated'
  | 'attend_session'
  | 'first_review_passed';

export type OnboardingStep = {
  id: OnboardingStepId;
  label: string;
  /** Proven by a record (not tickable by hand) or ticked by the person. */
  proof: 'record' | 'self';
  /** Days after the start it is due. */
  dueDays: number;
};

export const ONBOARDING_STEPS: readonly OnboardingStep[] = [
  { id: 'read_playbook', label: 'Read the operating playbook', proof: 'self', dueDays: 3 },
  { id: 'golden_prd', label: 'Study a Golden PRD', proof: 'record', dueDays: 5 },
  { id: 'first_prd_gated', label: 'Run a first PRD against the live gate', proof: 'record', dueDays: 10 },
  { id: 'attend_session', label: 'Attend a gate review or coaching session', proof: 'self', dueDays: 14 },
  {
    id: 'first_review_passed',
    label: 'Get a PRD through the gate (pass or conditional)',
    proof: 'record',
    dueDays: 30,
  },
];

export type OnboardingState = { startedAt: number; done: Partial<Record<OnboardingStepId, number>> };

export type OnboardingProgress = {
  done: number;
  total: number;
  share: number;
  /** The first step not done, or null when all are. */
  next: OnboardingStep | null;
  overdue: OnboardingStep[];
  complete: boolean;
};

const DAY = 86_400_000;

export function onboardingProgress(state: OnboardingState, now: number): OnboardingProgress {
  const open = ONBOARDING_STEPS.filter((s) => state.done[s.id] === undefined);
  const done = ONBOARDING_STEPS.length - open.length;
  return {
    done,
    total: ONBOARDING_STEPS.length,
    share: done / ONBOARDING_STEPS.length,
    next: open[0] ?? null,
    overdue: open.filter((s) => state.startedAt + s.dueDays * DAY < now),
    complete: open.length === 0,
  };
}
