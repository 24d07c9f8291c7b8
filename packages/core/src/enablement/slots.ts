// Launch comms and the enablement kit are generated without an LLM (research/adoption-and-reporting.md §4): structured
// inputs from the studio's own records fill named slots by fixed selection rules, and every output (announcement,
// deck, video script, FAQ) reads the same slot values, so they cannot disagree. The text is the authors' own wording,
// trimmed at sentence boundaries, never paraphrased; a missing input renders a visible placeholder and a finding.

export type ReleaseNoteType = 'new' | 'improved' | 'removed' | 'fixed';
export type ReleaseNote = {
  type: ReleaseNoteType;
  text: string;
  storyId: string;
  priority: number;
  userVisible?: boolean;
};
export type Kpi = { name: string; baseline: string; target: string; deadline: string };
export type MustStory = { id: string; title: string; priority: number; given: string; when: string[]; outcome: string };
export type SupportTier = { tier: string; channel: string; hours: string };

export type EnablementInputs = {
  product: { name: string; code: string; version: string; owner: string; launchDate: string };
  releaseNotes: ReleaseNote[];
  /** The PRD's problem section (its first sentence is used). */
  problem: string;
  kpis: Kpi[];
  mustStories: MustStory[];
  nonGoals: string[];
  deferredDefects: { title: string; severity: 1 | 2 | 3 | 4 }[];
  support: SupportTier[];
  links: Partial<Record<'deck' | 'video' | 'faq' | 'runbook' | 'product', string>>;
};

export type Slots = {
  whatChanged: { items: ReleaseNote[]; more: number };
  why: string;
  kpis: Kpi[];
  howTo: MustStory[];
  limitations: string[];
  whoToAsk: SupportTier[];
  /** Required inputs that were missing: each shows as a placeholder in the outputs. */
  missing: EnablementGap[];
};

export type EnablementGap = { slot: keyof Omit<Slots, 'missing'>; message: string };

export const MAX_CHANGES = 5;
export const MAX_STEPS = 3;
const TYPE_ORDER: Record<ReleaseNoteType, number> = { new: 0, improved: 1, removed: 2, fixed: 3 };

/** The visible placeholder of a missing input (the gate's no-placeholder rule then flags it). */
export const placeholder = (what: string) => `[Missing: ${what}]`;

export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^.*?[.!?](?=\s+[A-Z0-9"“(]|$)/.exec(flat);
  return (m ? m[0] : flat).trim();
}

const byPriorityThenId =
  <T extends { priority: number }>(key: (x: T) => string) =>
  (a: T, b: T) =>
    a.priority - b.priority || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function fillSlots(inputs: EnablementInputs): Slots {
  const missing: EnablementGap[] = [];
  const visible = inputs.releaseNotes.filter((n) => n.type !== 'fixed' || n.userVisible);
  const ordered = [...visible].sort(
    (a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || byPriorityThenId<ReleaseNote>((n) => n.storyId)(a, b),
  );
  if (ordered.length === 0) missing.push({ slot: 'whatChanged', message: 'No release notes for this version.' });
  const why = firstSentence(inputs.problem);
  if (!why) missing.push({ slot: 'why', message: 'The PRD has no problem statement.' });
  if (inputs.kpis.length === 0) missing.push({ slot: 'kpis', message: 'No success metric with a target.' });
  const howTo = [...inputs.mustStories].sort(byPriorityThenId<MustStory>((s) => s.id)).slice(0, MAX_STEPS);
  if (howTo.length === 0) missing.push({ slot: 'howTo', message: 'No Must story with acceptance criteria.' });
  if (inputs.support.length === 0) missing.push({ slot: 'whoToAsk', message: 'No support flow in the handover.' });
  const limitations = [
    ...inputs.nonGoals,
    ...inputs.deferredDefects.filter((d) => d.severity <= 2).map((d) => d.title),
  ];
  return {
    whatChanged: { items: ordered.slice(0, MAX_CHANGES), more: Math.max(0, ordered.length - MAX_CHANGES) },
    why,
    kpis: inputs.kpis,
    howTo,
    limitations,
    whoToAsk: inputs.support,
    missing,
  };
}
