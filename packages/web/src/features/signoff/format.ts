// Words the sign-off page shows: decisions in words (never the API's codes), what a decision asks of the conditions
// field, the verification's verdict, and short hashes. Pure (tests: format.test.ts).
import type { SignoffDecision, SignoffVerify } from '@pi-studio/core/contract/signoff';

export const DECISION_LABEL: Record<SignoffDecision, string> = {
  signed: 'Signed',
  signed_with_conditions: 'Signed with conditions',
  refused: 'Refused',
};
export const DECISION_COLOR: Record<SignoffDecision, string> = {
  signed: 'green',
  signed_with_conditions: 'yellow',
  refused: 'red',
};

/** How the conditions field reads for each decision: required, optional, or not asked. */
export function conditionsField(decision: SignoffDecision): { label: string; required: boolean; shown: boolean } {
  if (decision === 'signed_with_conditions') return { label: 'Conditions', required: true, shown: true };
  if (decision === 'refused') return { label: 'What must change', required: false, shown: true };
  return { label: 'Conditions', required: false, shown: false };
}

/** The first characters of a hash, enough to compare by eye (the full one is in the title). */
export const shortHash = (hash: string) => hash.slice(0, 12);

/** The verification in one line. */
export function verifyLine(v: SignoffVerify): string {
  if (v.checked === 0) return 'No sign-offs to verify yet.';
  const records = `${v.checked} sign-off record${v.checked === 1 ? '' : 's'}`;
  if (v.ok) return `Chain intact: ${records} checked, nothing signed has changed since.`;
  const problems = [
    v.broken.length ? `${v.broken.length} record${v.broken.length === 1 ? '' : 's'} broken` : '',
    v.changedSinceSignoff.length
      ? `${v.changedSinceSignoff.length} signed stor${v.changedSinceSignoff.length === 1 ? 'y' : 'ies'} changed since`
      : '',
  ].filter(Boolean);
  return `Verification failed: ${problems.join(', ')} (${records} checked).`;
}

/** "RT-S-2: revision 3 → 4", or "… deleted" when the story is gone. */
export const changedLine = (c: SignoffVerify['changedSinceSignoff'][number]) =>
  `${c.storyKey} (signed in ${c.signoff}): revision ${c.signedRevision} → ${
    c.currentRevision === null ? 'deleted' : c.currentRevision
  }`;
