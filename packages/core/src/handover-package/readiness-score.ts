// The readiness score of a handover package and the items that block it (research/handover.md §1, "Scoring").
//
// An applicable item is MET when it is
//   done   with at least one piece of evidence (link, file or record id) and none that failed its validator, or
//   waived with a reason and an approver (the IT owner accepts the risk; the review lists it as a gap).
// An item the team marks not applicable leaves the count only with a reason and an approver (GitLab's "N/A with
// reason"); items the template itself finds not applicable for this product never count.
//
//   score = floor(100 × (Wr × met required + Wo × met optional) / (Wr × required + Wo × optional))
//
// with the template's weights (v1: Wr = 3, Wo = 1). Floor, so 100 means every applicable item is met; no
// applicable item at all scores 100. A required item not met is a BLOCKER, named with its id and label.
import type { Verdict } from '../gate/types.ts';
import type { ProductChecklist } from './checklist.ts';
import { cleanText, hasText } from './text.ts';

export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'waived', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type Evidence = {
  kind: 'link' | 'file' | 'record';
  ref: string;
  /** The pack validator's verdict when the evidence is a validated pack (QA-1, SEC-1, OPS-1, DOC-1…). */
  validation?: Verdict | null;
};

export type ItemState = {
  itemId: string;
  status: ItemStatus;
  owner?: string | null;
  evidence?: readonly Evidence[];
  /** Why it is waived or not applicable. */
  reason?: string | null;
  approver?: string | null;
};

export type BlockReason = 'open' | 'in_progress' | 'no_evidence' | 'evidence_failed' | 'waiver_incomplete';

export type Blocker = { itemId: string; label: string; owner: string | null; reason: BlockReason; message: string };

export type StateProblem = {
  itemId: string;
  code: 'unknown_item' | 'duplicate_state' | 'bad_status' | 'not_applicable_anyway';
  message: string;
};

export type Share = { met: number; total: number; percent: number | null };

export type Readiness = {
  template: { id: string; version: number };
  score: number;
  required: Share;
  recommended: Share;
  ready: boolean;
  blocking: Blocker[];
  /** Recommended items not met: shown, never blocking. */
  openRecommended: { itemId: string; label: string }[];
  waived: { itemId: string; label: string; reason: string; approver: string }[];
  problems: StateProblem[];
};

export function readinessOf(
  checklist: ProductChecklist,
  states: readonly ItemState[],
  weights: { required: number; recommended: number },
): Readiness {
  const { byId, problems } = indexStates(checklist, states);
  const required: Share = { met: 0, total: 0, percent: null };
  const recommended: Share = { met: 0, total: 0, percent: null };
  const blocking: Blocker[] = [];
  const openRecommended: Readiness['openRecommended'] = [];
  const waived: Readiness['waived'] = [];
  for (const item of checklist.items) {
    if (item.level === 'not_applicable') continue;
    const state = byId.get(item.id);
    if (state?.status === 'not_applicable' && hasText(state.reason) && hasText(state.approver)) continue;
    const share = item.level === 'required' ? required : recommended;
    share.total += 1;
    const miss = missing(state);
    if (miss === null) {
      share.met += 1;
      if (state?.status === 'waived')
        waived.push({
          itemId: item.id,
          label: item.text,
          reason: cleanText(state.reason),
          approver: cleanText(state.approver),
        });
    } else if (item.level === 'required')
      blocking.push({ itemId: item.id, label: item.text, owner: cleanText(state?.owner, 200) || null, ...miss });
    else openRecommended.push({ itemId: item.id, label: item.text });
  }
  required.percent = percent(required.met, required.total);
  recommended.percent = percent(recommended.met, recommended.total);
  const wr = safeWeight(weights.required);
  const wo = safeWeight(weights.recommended);
  const whole = wr * required.total + wo * recommended.total;
  const score = whole > 0 ? Math.floor((100 * (wr * required.met + wo * recommended.met)) / whole + 1e-9) : 100;
  return {
    template: checklist.template,
    score,
    required,
    recommended,
    ready: blocking.length === 0,
    blocking,
    openRecommended,
    waived,
    problems,
  };
}

/** Why a state does not meet its item, or null when it does. */
function missing(state: ItemState | undefined): { reason: BlockReason; message: string } | null {
  switch (state?.status) {
    case 'done': {
      const evidence = (state.evidence ?? []).filter((e) => hasText(e?.ref));
      if (evidence.length === 0)
        return { reason: 'no_evidence', message: 'marked done without evidence (a link, file or record id)' };
      if (evidence.some((e) => e.validation === 'fail'))
        return { reason: 'evidence_failed', message: 'its evidence failed validation' };
      return null;
    }
    case 'waived':
    case 'not_applicable':
      if (hasText(state.reason) && hasText(state.approver)) return null;
      return {
        reason: 'waiver_incomplete',
        message: `${state.status === 'waived' ? 'waived' : 'marked not applicable'} without ${hasText(state.reason) ? 'an approver' : 'a reason'}`,
      };
    case 'in_progress':
      return { reason: 'in_progress', message: 'in progress' };
    default:
      return { reason: 'open', message: 'open' };
  }
}

function indexStates(checklist: ProductChecklist, states: readonly ItemState[]) {
  const known = new Map(checklist.items.map((i) => [i.id, i]));
  const byId = new Map<string, ItemState>();
  const problems: StateProblem[] = [];
  for (const state of states) {
    const itemId = cleanText(state?.itemId, 40);
    const item = known.get(itemId);
    if (!item)
      problems.push({ itemId, code: 'unknown_item', message: `No item ${itemId || '(empty id)'} in the checklist.` });
    else if (byId.has(itemId))
      problems.push({ itemId, code: 'duplicate_state', message: `${itemId} has two states; the first one counts.` });
    else if (!(ITEM_STATUSES as readonly string[]).includes(state.status)) {
      problems.push({ itemId, code: 'bad_status', message: `${itemId}: unknown status; it counts as open.` });
      byId.set(itemId, { itemId, status: 'open' });
    } else {
      byId.set(itemId, state);
      if (item.level === 'not_applicable' && state.status !== 'not_applicable')
        problems.push({ itemId, code: 'not_applicable_anyway', message: `${itemId} does not apply to this product.` });
    }
  }
  return { byId, problems };
}

function percent(met: number, total: number): number | null {
  return total > 0 ? Math.floor((100 * met) / total + 1e-9) : null;
}

function safeWeight(w: number): number {
  return Number.isFinite(w) && w >= 0 ? w : 0;
}
