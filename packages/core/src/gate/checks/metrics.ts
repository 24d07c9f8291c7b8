// Goals and success metrics: every goal has a metric with a number, a unit, a timeframe and a baseline
// ("from 3.2 days to 1 day by Q3"). Goals without a number are findings; none measurable at all is a blocker.
import { z } from 'zod';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { FROM_TO, GOAL_VERB, NUMBER, TIMEFRAME, UNIT } from '../patterns.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('metrics', {
  'none-measurable': ['major', 'No measurable success metric at all'],
  'no-section': ['major', 'Metrics appear only outside a Goals/Success metrics section'],
  'no-number': ['major', 'A goal or metric has no number'],
  'no-timeframe': ['major', 'A metric has no timeframe'],
  'no-unit': ['minor', 'A metric has no unit'],
  'no-baseline': ['minor', 'A metric has no baseline'],
});

type Candidate = { unit: TextUnit; text: string; excerpt: string };
type Signals = { number: boolean; unit: boolean; timeframe: boolean; baseline: boolean };

/** "Success vision", "A day in the life": a story of success told in prose, not a list of metrics. */
const NARRATIVE_HEADING = /\b(?:vision|scenario|narrative|story|day in the life)\b/i;
/** "one-click access", "a single screen": a count written as a word. */
const NUMBER_WORD = /\b(?:one|two|three|four|five|single|zero)[- ](?:click|tap|step|page|screen|form)s?\b/i;
const FROM_LAUNCH = /\b(?:of|after|since|from|at|post[- ]?)\s*(?:the\s+)?(?:launch|go[- ]live|release)\b/i;
const BASELINE_HEADER = /baseline|current|today|from|now/i;
const WHEN_HEADER = /by when|when|date|deadline|timeframe|time frame|window|by|target date|period/i;

export const metricsCheck = defineCheck({
  id: 'metrics',
  rules: R,
  params: z.strictObject({ unnumberedWeight: z.number().min(0).max(1).default(0.5) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'metrics');
    let candidates = candidatesOf(facts, found.units);
    let outside = false;
    if (candidates.length === 0) {
      // No goals section with content: measurable goal statements elsewhere still count, at a discount.
      candidates = facts.units
        .filter((u) => (u.kind === 'item' || u.kind === 'paragraph') && GOAL_VERB.test(u.text) && NUMBER.test(u.text))
        .map((u) => ({ unit: u, text: u.text, excerpt: u.text }));
      outside = candidates.length > 0;
    }
    const scored = candidates.map((c) => ({ c, s: signals(c.text) }));
    const measurable = scored.filter(({ s }) => s.number && (s.unit || s.timeframe));
    if (measurable.length === 0) {
      const at = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
      const message = found.sections[0]
        ? `"${found.sections[0].title}" has no measurable metric: no goal has a number with a unit or timeframe.`
        : 'There is no success metric: no Goals / Success metrics section and no measurable goal anywhere.';
      findings.push(finding(R['none-measurable'], at, message, FIX_NONE));
      for (const { c, s } of scored) if (!s.number) findings.push(noNumber(c, 'major'));
      return { score: 0, findings };
    }
    let total = 0;
    let weights = 0;
    for (const { c, s } of scored) {
      if (!s.number) {
        findings.push(noNumber(c, 'minor'));
        weights += params.unnumberedWeight;
        continue;
      }
      total += 0.4 + (s.unit ? 0.2 : 0) + (s.timeframe ? 0.25 : 0) + (s.baseline ? 0.15 : 0);
      weights += 1;
      const gap = missingParts(c, s);
      if (gap) findings.push(gap);
    }
    let score = weights > 0 ? total / weights : 0;
    if (outside) {
      score = Math.min(score, 0.5);
      findings.push(
        finding(
          R['no-section'],
          anchorOf(candidates[0]?.unit as TextUnit),
          'Success metrics are scattered in the text instead of a Goals / Success metrics section.',
          'Collect them in a "Success metrics" table: Metric | Baseline | Target | By when.',
        ),
      );
    }
    return { score, findings };
  },
});

function candidatesOf(facts: DocFacts, units: readonly TextUnit[]): Candidate[] {
  const own = units.filter(
    (u) =>
      !facts.ownTopics(u.section).some((t) => t === 'scope' || t === 'analytics') &&
      !NARRATIVE_HEADING.test(u.section.title) &&
      !u.quoted &&
      u.kind !== 'code',
  );
  const out: Candidate[] = [];
  for (const unit of own) {
    if (unit.kind === 'item' && facts.meaningful(unit) >= 2 && !hasNumberedChild(unit))
      out.push({ unit, text: unit.text, excerpt: unit.text });
    if (unit.kind === 'cell' && unit.cell === 0 && unit.row && unit.block.kind === 'table') {
      const cells = facts.rowCells(unit);
      if (cells.some((c) => facts.meaningful(c) > 0 || /\d/.test(c.text))) out.push(rowCandidate(unit, cells));
    }
  }
  // Paragraph sentences (and hard-broken lines: "**Target:** +10–15% QLR") count too; next to a list or a table only
  // those with a number do, so prose around a metrics table is not judged as goals.
  const numberedOnly = out.length > 0;
  for (const unit of own) {
    if (unit.kind !== 'paragraph' || /:\s*$/.test(unit.text) || facts.meaningful(unit) < 4) continue;
    for (const sentence of unit.text.split(/(?<=[.!?])\s+|\n/)) {
      if (sentence.trim().length <= 12 || (numberedOnly && !NUMBER.test(sentence))) continue;
      out.push({ unit, text: sentence, excerpt: sentence });
    }
  }
  return out;
}

/** "Goal: faster payouts" with a nested measurable item is a goal carrying its metric, not a bare goal. */
function hasNumberedChild(unit: TextUnit): boolean {
  return unit.item?.children.some((c) => NUMBER.test(c.text)) ?? false;
}

/** A table row as "Header: value" pairs, so "Baseline" and "By when" columns count when filled in. */
function rowCandidate(first: TextUnit, cells: TextUnit[]): Candidate {
  const header = first.block.kind === 'table' ? first.block.header : [];
  const parts: string[] = [];
  for (const cell of cells) {
    const name = header[cell.cell]?.text ?? '';
    if (!cell.text.trim()) continue;
    const hasValue = /\d/.test(cell.text) || /[a-z]{3}/i.test(cell.text);
    if (BASELINE_HEADER.test(name) && /\d/.test(cell.text)) parts.push(`baseline ${cell.text}`);
    else if (WHEN_HEADER.test(name) && hasValue && !/^\s*(?:tbd|tbc|n\/a)\s*$/i.test(cell.text))
      parts.push(`by ${cell.text} ${timeframeHint(cell.text)}`);
    else parts.push(cell.text);
  }
  return { unit: first, text: parts.join(' | '), excerpt: cells.map((c) => c.text).join(' | ') };
}

/** A "By when" cell holding a date, quarter or window is a timeframe even when written loosely ("end of May"). */
function timeframeHint(text: string): string {
  return TIMEFRAME.test(text) || /\b(?:week|month|quarter|launch|ga|release)\b/i.test(text) ? 'within timeframe' : '';
}

function signals(text: string): Signals {
  return {
    number: NUMBER.test(text) || NUMBER_WORD.test(text),
    unit: UNIT.test(text) || NUMBER_WORD.test(text),
    timeframe: TIMEFRAME.test(text) || /within timeframe/.test(text),
    // A new product's launch target starts from nothing: "10,000 MAU within 6 months of launch" needs no baseline.
    baseline: FROM_TO.test(text) || FROM_LAUNCH.test(text),
  };
}

function noNumber(c: Candidate, severity: 'major' | 'minor'): RawFinding {
  return finding(
    R['no-number'],
    { ...anchorOf(c.unit), text: c.excerpt },
    'This goal has no number, so nobody can tell whether it was reached.',
    `Give it a metric with baseline → target, unit and date: ${ownWords(c)} — <what you measure> from <today's value> to <target> by <date>".`,
    severity,
  );
}

/** The fix starts from the document's own goal ("Reply rate ≥ 3× the founder's baseline"), cut at a word. */
function ownWords(c: Candidate): string {
  const plain = c.excerpt
    .replace(/[*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,]+$/, '');
  const cut = plain.length > 90 ? `${plain.slice(0, plain.lastIndexOf(' ', 90)).trimEnd()}…` : plain;
  return `"${cut}`;
}

function missingParts(c: Candidate, s: Signals): RawFinding | null {
  const missing: string[] = [];
  if (!s.timeframe) missing.push('a timeframe ("by Q3", "within 90 days", a date)');
  if (!s.unit) missing.push('a unit (%, ms, days, USD…)');
  if (!s.baseline) missing.push('a baseline ("from 3.2 days to 1 day")');
  if (missing.length === 0) return null;
  const rule = !s.timeframe ? R['no-timeframe'] : !s.unit ? R['no-unit'] : R['no-baseline'];
  return finding(
    rule,
    { ...anchorOf(c.unit), text: c.excerpt },
    `This metric lacks ${missing.join(', ')}.`,
    `Write it as "<metric> from <baseline> to <target> <unit> by <date>": ${ownWords(c)}${s.baseline ? '' : " from <today's value>"}${s.timeframe ? '' : ' by <date or window>'}".`,
  );
}

const FIX_NONE =
  'Add a "Success metrics" table with at least one measurable metric: Metric | Baseline | Target | By when, e.g. "{{eg:metric}}".';
