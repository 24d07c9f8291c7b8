// Unambiguous language: vague, loophole, open-ended, weak and totality terms (ISO 29148 §5.2.7), weighted by
// where they occur. A hit in a requirement or metric matters more than one in the background, and the score
// follows density (hits per 100 weighted words), so one "fast" in a long PRD is a warning, not a failure.
import { z } from 'zod';
import type { TextUnit } from '../facts/units.ts';
import type { SMELL_LISTS } from '../lexicon-compile.ts';
import { PRIORITY_LABEL_START, PRIORITY_VALUE } from '../patterns.ts';
import type { PhraseHit } from '../phrases.ts';
import { anchorAt, type CheckContext, defineCheck, finding, type RawFinding, rules } from './kit.ts';

const R = rules('clarity', {
  vague: ['minor', 'Vague or subjective term'],
  loophole: ['minor', 'Escape clause'],
  'open-ended': ['minor', 'Open-ended list or term'],
  weak: ['minor', 'Weak or optional wording'],
  totality: ['info', 'Totality term: check it is meant'],
  comparative: ['minor', 'Comparative without a baseline'],
  density: ['major', 'Ambiguous wording is dense'],
});

type SmellList = (typeof SMELL_LISTS)[number];
const RULE_OF: Record<SmellList, keyof typeof R> = {
  vague: 'vague',
  loopholes: 'loophole',
  openEnded: 'open-ended',
  weak: 'weak',
  totality: 'totality',
};
const PRIORITY_TOKEN =
  /[([]\s*(?:must|should|could|won'?t)(?:[- ]have)?\s*[)\]]|\b(?:must|should|could|won'?t)[- ]have\b/gi;
const blank = (m: string) => ' '.repeat(m.length);
/** "as required by the CBN rules": the clause names where the obligation comes from, so it is no escape clause. */
const NAMES_ITS_SOURCE = /^\s+(?:by|under)\s+\S/i;
// "one or more", "or less": a bound, not a comparison.
const COMPARATIVE =
  /(?<!\bor\s)\b(?:faster|slower|better|easier|simpler|cheaper|more|fewer|less|higher|lower|improved|increased|reduced)\b(?![^.\n]{0,200}\bthan\b)/i;

const MESSAGES: Record<keyof typeof R, (term: string) => string> = {
  vague: (t) => `"${t}" is vague: nobody can test it.`,
  loophole: (t) => `"${t}" is an escape clause: it lets the requirement be skipped.`,
  'open-ended': (t) => `"${t}" leaves the list open.`,
  weak: (t) => `"${t}" does not commit to anything.`,
  totality: (t) => `"${t}" allows no exception: check it is meant.`,
  comparative: (t) => `"${t}" compares without a baseline.`,
  density: (t) => t,
};

const FIXES: Record<string, string> = {
  vague:
    'Replace it with something measurable, e.g. "fast" → "p95 response under 300 ms", "easy" → "a first-time user finishes in under 2 minutes without help".',
  loophole: 'Remove the escape clause or state the exact condition under which the requirement does not apply.',
  'open-ended': 'List every case explicitly; "etc." and "and/or" leave the scope open.',
  weak: 'Say "must" (or give a priority) and state what happens; "may"/"could"/"be able to" do not commit to anything.',
  totality: 'Check that "all/always/never/any" is really meant; name the exceptions if there are any.',
  comparative: 'Add the baseline and the target: "faster" → "from 3.2 days to 1 day".',
};

const Weights = z.strictObject({
  requirement: z.number().min(0).max(1).default(1),
  metric: z.number().min(0).max(1).default(1),
  acceptance: z.number().min(0).max(1).default(1),
  nfr: z.number().min(0).max(1).default(0.7),
  scope: z.number().min(0).max(1).default(0.5),
  other: z.number().min(0).max(1).default(0.2),
});

export const clarityCheck = defineCheck({
  id: 'clarity',
  rules: R,
  params: z.strictObject({
    /** Weighted hits per 100 weighted words at which the score reaches 0. */
    densityLimit: z.number().positive().max(100).default(6),
    locationWeights: Weights.default(Weights.parse({})),
    listWeights: z
      .strictObject({
        vague: z.number().min(0).max(1).default(1),
        loopholes: z.number().min(0).max(1).default(1),
        openEnded: z.number().min(0).max(1).default(0.8),
        weak: z.number().min(0).max(1).default(0.5),
        totality: z.number().min(0).max(1).default(0.1),
        comparative: z.number().min(0).max(1).default(0.5),
      })
      .default({ vague: 1, loopholes: 1, openEnded: 0.8, weak: 0.5, totality: 0.1, comparative: 0.5 }),
    /** Units weighted at least this much get individual findings; the rest only count towards density. */
    reportFrom: z.number().min(0).max(1).default(0.5),
    maxFindings: z.number().int().min(0).max(1000).default(60),
    /** Weighted words needed for full credit. */
    minWords: z.number().min(0).max(10000).default(60),
    /** Totality terms ("all", "every") are reported only in units weighted this much (requirements, metrics). */
    totalityFrom: z.number().min(0).max(1).default(1),
  }),
  run(ctx, params) {
    const weightOf = locationWeights(ctx, params.locationWeights);
    const findings: RawFinding[] = [];
    let hits = 0;
    let words = 0;
    for (const unit of ctx.facts.units) {
      const weight = weightOf(unit);
      if (weight === 0) continue;
      const scan = ctx.facts.scan(unit);
      words += weight * scan.tokens;
      // Priority labels ("Could:", "(Could)") are not wording; they are blanked so their hits are skipped. Only a
      // unit with a hit, or one weighted enough for the comparative test, needs that copy.
      let text = '';
      if (weight >= 0.7 || scan.hits.some((hit) => hit.list !== 'placeholders'))
        text = unit.text.replace(PRIORITY_LABEL_START, blank).replace(PRIORITY_TOKEN, blank);
      for (const hit of scan.hits) {
        const list = hit.list as SmellList | 'placeholders';
        if (list === 'placeholders') continue;
        // "May 2026" is a month, not a modal verb; a "Could:" priority label is not weak wording.
        if (list === 'weak' && (/^\s+\d/.test(unit.text.slice(hit.end, hit.end + 3)) || text[hit.start] === ' '))
          continue;
        if (list === 'loopholes' && /^as required$/i.test(hit.text) && NAMES_ITS_SOURCE.test(unit.text.slice(hit.end)))
          continue;
        // "… so that I can find them quickly": a story's benefit is the user's words, not a testable requirement.
        if ((list === 'vague' || list === 'weak') && inBenefitClause(text, hit.start)) continue;
        hits += weight * params.listWeights[list];
        const reportFrom = list === 'totality' ? params.totalityFrom : params.reportFrom;
        if (weight >= reportFrom && findings.length < params.maxFindings)
          findings.push(hit_(ctx, unit, hit, RULE_OF[list], weight));
      }
      const comparative = weight >= 0.7 && !/\d/.test(text) ? COMPARATIVE.exec(text) : null;
      if (comparative && !purposeOrQuoted(text, comparative.index)) {
        hits += weight * params.listWeights.comparative;
        const m = comparative;
        const term = { list: 'comparative', start: m.index, end: m.index + m[0].length, text: m[0] };
        if (findings.length < params.maxFindings) findings.push(hit_(ctx, unit, term, 'comparative', weight));
      }
    }
    const density = words > 0 ? (hits * 100) / words : 0;
    // Wording can only earn credit where there is wording: a hollow template is not "clear".
    const score = (1 - density / params.densityLimit) * Math.min(1, words / params.minWords);
    if (score < 0.5 && findings[0]) {
      const first = findings[0];
      findings.push({
        ...finding(
          R.density,
          { line: first.line, column: first.column, section: null, text: first.excerpt },
          `Ambiguous terms are dense: ${density.toFixed(1)} weighted hits per 100 words.`,
          'Rewrite the requirements and metrics with numbers, named cases and "must"; start with the findings marked clarity.',
        ),
        section: first.section,
      });
    }
    return { score, findings };
  },
});

/** Inside the benefit of a story or a purpose: after "so that", "so I can", "in order to" in the same sentence. */
function inBenefitClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  const clause = before.split(/[.!?\n]/).pop() ?? '';
  return /\b(?:so (?:that|I|we|they|you)|in order to)\b/i.test(clause);
}

/** "for better urban planning", "to better serve", "(faster future checkouts)": a purpose or quoted copy. */
function purposeOrQuoted(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  if (/\b(?:for|to)\s+$/i.test(before) || inBenefitClause(text, at)) return true;
  return before.lastIndexOf('(') > before.lastIndexOf(')') || (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

function hit_(ctx: CheckContext, unit: TextUnit, hit: PhraseHit, rule: keyof typeof R, weight: number): RawFinding {
  const info = R[rule];
  const severity = weight >= 0.7 ? info.severity : 'info';
  return finding(
    info,
    anchorAt(ctx.doc, unit, hit.start, hit.end - hit.start),
    MESSAGES[rule](hit.text),
    FIXES[rule] ?? 'Rewrite it so a tester can check it.',
    severity,
  );
}

/** How much a unit's wording matters, by what it is (requirement, criterion) and where it sits. */
function locationWeights(ctx: CheckContext, w: z.output<typeof Weights>): (unit: TextUnit) => number {
  const { facts } = ctx;
  const requirementUnits = new Set<TextUnit>();
  const labels = new Set<TextUnit>();
  for (const req of facts.requirements) {
    // Priority cells ("Could") and id cells are labels, not wording.
    for (const unit of req.units) (isLabel(unit) ? labels : requirementUnits).add(unit);
  }
  return (unit) => {
    if (unit.kind === 'heading' || unit.kind === 'code' || unit.header || unit.quoted || labels.has(unit)) return 0;
    if (requirementUnits.has(unit)) return w.requirement;
    const s = unit.section;
    if (facts.about(s, 'acceptance')) return w.acceptance;
    if (facts.about(s, 'metrics') && !facts.about(s, 'scope')) return w.metric;
    if (facts.about(s, 'requirements')) return w.requirement;
    if (facts.about(s, 'nfr')) return w.nfr;
    if (facts.about(s, 'scope')) return w.scope;
    return w.other;
  };
}

function isLabel(unit: TextUnit): boolean {
  return (
    unit.kind === 'cell' && unit.text.length <= 24 && (PRIORITY_VALUE.test(unit.text) || /^\S+$/.test(unit.text.trim()))
  );
}
