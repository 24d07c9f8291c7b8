// The UAT → handover rule (issue #13): a product in UAT moves to handover only with an accepting sign-off (signed,
// or signed with conditions) of the current build; a refusal keeps it in UAT. The current build is the build
// version of the product's latest UAT session (the highest session number): the build the testers last received.
// Of the sign-offs of that build, the newest (highest number in the chain) decides, so a refusal after a signature
// takes it back, and a signature after a refusal settles it.
import { STAGE_LABELS, type Stage } from '../workspace/stages.ts';

export type HandoverSignoff = { key: string; buildVersion: string; decision: string; number: number };

export type HandoverReadiness = {
  ready: boolean;
  reason: string;
  /** Why not, as a stable code: not_in_uat, no_uat_session, no_signoff, signoff_refused; null when ready. */
  code: 'not_in_uat' | 'no_uat_session' | 'no_signoff' | 'signoff_refused' | null;
  currentBuild: string | null;
  /** The sign-off that decides (the newest of the current build), if any. */
  signoff: string | null;
};

export function handoverReadiness(
  stage: Stage,
  currentBuild: string | null,
  signoffs: readonly HandoverSignoff[],
): HandoverReadiness {
  const base = { currentBuild, signoff: null };
  if (stage !== 'uat') {
    return {
      ...base,
      ready: false,
      code: 'not_in_uat',
      reason: `the product is in ${STAGE_LABELS[stage]}: only a product in ${STAGE_LABELS.uat} moves to ${STAGE_LABELS.handover}`,
    };
  }
  if (currentBuild === null) {
    return {
      ...base,
      ready: false,
      code: 'no_uat_session',
      reason: 'no UAT session yet: run a UAT session of the build and have the PO/VB sign it off',
    };
  }
  const decisive = signoffs
    .filter((s) => s.buildVersion === currentBuild)
    .reduce<HandoverSignoff | null>((a, s) => (a === null || s.number > a.number ? s : a), null);
  if (!decisive) {
    return {
      ...base,
      ready: false,
      code: 'no_signoff',
      reason: `build ${currentBuild} (the latest UAT session's) has no sign-off: the PO/VB signs it off first`,
    };
  }
  if (decisive.decision === 'refused') {
    return {
      currentBuild,
      signoff: decisive.key,
      ready: false,
      code: 'signoff_refused',
      reason: `${decisive.key} refused build ${currentBuild}: the product stays in ${STAGE_LABELS.uat} until a new sign-off accepts a build`,
    };
  }
  const how = decisive.decision === 'signed_with_conditions' ? 'signed with conditions' : 'signed';
  return {
    currentBuild,
    signoff: decisive.key,
    ready: true,
    code: null,
    reason: `${decisive.key} ${how} build ${currentBuild}`,
  };
}
