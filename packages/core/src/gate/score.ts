// The gate: one parse, shared facts, one check per criterion, then severities, golden citations, score and
// verdict. Pure and deterministic — the same text and rubric give a byte-identical report everywhere.
import type { DocModel } from '../markdown/model.ts';
import { parseDocument } from '../markdown/parse.ts';
import { type CompiledCriterion, compileRubric } from './compile.ts';
import { DEFAULT_RUBRIC } from './default-rubric.ts';
import { foreignScriptShare, notPrdReason } from './document-kind.ts';
import { DocFacts } from './facts/facts.ts';
import { type Domain, domainOf, fillExamples } from './fix-examples.ts';
import { bestGolden, citeGolden, goldenMarkdown, topicWords } from './golden.ts';
import type { Rubric } from './rubric.ts';
import type { CriterionScore, Finding, GateReport, ScoreOptions } from './types.ts';
import { explainVerdict, verdictOf } from './verdict.ts';

const MAX_FINDINGS_PER_RULE = 200;

// Zero-width characters, the soft hyphen and private-use code points (chat exports leave "cite\uE202turn0file0").
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\uE000-\uF8FF]|[\uDB80-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * What the gate reads: NFKC (full-width letters, ligatures and the like match the word lists) without invisible
 * or private-use characters, which hide placeholders and AI leftovers from matching. Lines stay where they are.
 */
export function normaliseForGate(text: string): string {
  if (alreadyNormal(text)) return text;
  const visible = text.replace(INVISIBLE, '');
  // ASCII text is already in NFKC form; most documents skip the copy.
  return /[^\x20-\x7e\t\n\r]/.test(visible) ? visible.normalize('NFKC') : visible;
}

/**
 * True when normaliseForGate would return the text unchanged: ASCII, plus characters NFKC leaves alone wherever
 * they stand ("—", "’", "≥", "é" precomposed…). Most PRDs have a few of those, and checking them once each is
 * much cheaper than normalising the whole text. Surrogates, combining marks, Hangul jamo and anything NFKC
 * changes send the text down the full path.
 */
function alreadyNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let known = STABLE[c];
    if (known === 0) {
      known = isStable(c) ? 1 : 2;
      STABLE[c] = known;
    }
    if (known === 2) return false;
  }
  return true;
}

/** Per UTF-16 code unit: 0 not yet known, 1 stable, 2 not. */
const STABLE = new Uint8Array(0x10000);

function isStable(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: judged by code point, on the full path
  // Conjoining jamo compose with their neighbours.
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)) return false;
  const ch = String.fromCharCode(c);
  return !INVISIBLE_ONE.test(ch) && !MARK.test(ch) && ch.normalize('NFKC') === ch;
}
const INVISIBLE_ONE = /^[\u00AD\u200B-\u200D\u2060\uFEFF\uE000-\uF8FF]$/;
/** Combining marks reorder and compose with what precedes them. */
const MARK = /\p{M}/u;

export function scoreDocument(text: string, rubric: Rubric = DEFAULT_RUBRIC, options: ScoreOptions = {}): GateReport {
  const compiled = compileRubric(rubric);
  const lexicon = compiled.lexicon(options.language);
  const normalised = normaliseForGate(text);
  const doc = parseDocument(normalised);
  const facts = new DocFacts(doc, lexicon);
  const ctx = { doc, facts, lexicon };
  const lastLine = Math.max(1, doc.lines.length);
  const criteria: CriterionScore[] = [];
  // Each finding with the position of its criterion (a sort key that is not part of the finding itself).
  const findings: { f: Finding; order: number }[] = [];
  const topic = options.golden?.length ? topicWords(doc.lines.slice(0, 200).join(' ')) : undefined;
  const cited = new Set<string>();
  // Fix examples speak the document's domain; worked out once, and only when a fix asks for one.
  let domain: Domain | undefined;
  // Many findings share a fix (every vague term gets the same one): each is filled in once.
  const filled = new Map<string, string>();
  const withExamples = (fix: string): string => {
    if (!fix.includes('{{eg:')) return fix;
    domain ??= domainOf(normalised);
    let out = filled.get(fix);
    if (out === undefined) {
      out = fillExamples(fix, domain);
      filled.set(fix, out);
    }
    return out;
  };
  let total = 0;
  compiled.criteria.forEach((criterion, order) => {
    const result = criterion.check.run(ctx, criterion.params);
    total += criterion.weight * result.score;
    criteria.push({
      id: criterion.id,
      name: criterion.name,
      weight: criterion.weight,
      score: Math.round(result.score * 100) / 100,
    });
    const golden = bestGolden(criterion.id, options, topic);
    for (const raw of result.findings) {
      const line = Math.min(Math.max(1, raw.line), lastLine);
      const column = Math.max(1, Math.min(raw.column, (doc.lines[line - 1]?.length ?? 0) + 1));
      // The same passage twice in one section reads as boilerplate: it is quoted once per section.
      const citeKey = golden === null ? '' : `${raw.section}\u0000${criterion.id}`;
      const cite = golden !== null && !cited.has(citeKey);
      if (cite) cited.add(citeKey);
      const f: Finding = {
        criterion: criterion.id,
        rule: raw.rule,
        severity: severityOf(criterion, raw.rule, raw.severity, compiled.blockers),
        line,
        column,
        section: raw.section,
        excerpt: raw.excerpt,
        message: raw.message,
        fix: cite ? citeGolden(withExamples(raw.fix), golden) : withExamples(raw.fix),
      };
      // Added last, so it stays the last key of the JSON (a spread into the literal cost a copy per finding).
      if (cite && golden) f.golden = { source: golden.source ?? null, markdown: goldenMarkdown(golden.text) };
      findings.push({ f, order });
    }
  });
  findings.sort(
    (a, b) =>
      a.f.line - b.f.line ||
      a.f.column - b.f.column ||
      a.order - b.order ||
      compare(a.f.rule, b.f.rule) ||
      compare(a.f.message, b.f.message) ||
      compare(a.f.excerpt, b.f.excerpt),
  );
  let score = Math.min(100, Math.max(0, Math.round(total)));
  // A 10 MB export can produce tens of thousands of identical findings; the first ones per rule tell the story.
  const perRule = new Map<string, number>();
  const ordered: Finding[] = [];
  for (const { f } of findings) {
    const seen = perRule.get(f.rule) ?? 0;
    perRule.set(f.rule, seen + 1);
    if (seen < MAX_FINDINGS_PER_RULE) ordered.push(f);
  }
  const template = unfilledTemplate(doc, ordered);
  if (template) {
    // "No owner", "no metrics", "weak wording" on a template all say one thing: nobody has filled it in yet. What is
    // left says where: the hollow sections and the placeholders.
    const kept = ordered.filter((f) => f.criterion === 'completeness' && f.rule !== 'completeness.open-task');
    ordered.splice(0, ordered.length, template, ...kept);
  }
  const foreign = foreignScriptShare(text);
  const notPrd = foreign === null ? notPrdReason(facts) : null;
  // A changelog judged as a PRD gets a dozen "missing section" findings that are all beside the point: it gets one.
  if (notPrd) {
    ordered.splice(0, ordered.length, notPrdFinding(doc.sections[1]?.title ?? '', notPrd.reason));
    // Not judged as a PRD, so nothing in it earns PRD credit: the number agrees with the verdict.
    for (const c of criteria) c.score = 0;
    score = 0;
  }
  // The word lists cannot read it, so every other finding would be a guess: the language finding says it all.
  if (foreign !== null) ordered.splice(0, ordered.length, languageFinding(foreign, compiled.rubric.language));
  const verdict = notPrd || template ? 'fail' : verdictOf(score, ordered, compiled.rubric.verdict);
  return {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    score,
    verdict,
    why: explainVerdict(verdict, score, ordered, compiled.rubric.verdict),
    criteria,
    findings: ordered,
  };
}

function severityOf(
  criterion: CompiledCriterion,
  rule: string,
  fallback: Finding['severity'],
  blockers: ReadonlySet<string>,
): Finding['severity'] {
  if (blockers.has(rule)) return 'blocker';
  const override = criterion.severities[rule];
  if (override) return override;
  // Only the rubric's blocker list makes a blocker: a check never escalates on its own.
  return fallback === 'blocker' ? 'major' : fallback;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A finding about the document as a whole (criterion `document`), anchored at its first line. */
function documentFinding(
  rule: string,
  severity: Finding['severity'],
  excerpt: string,
  message: string,
  fix: string,
): Finding {
  return { criterion: 'document', rule, severity, line: 1, column: 1, section: '', excerpt, message, fix };
}

/** The one finding a document that is not a PRD gets (public rule id: `document.not_prd`). */
function notPrdFinding(title: string, reason: string): Finding {
  return documentFinding(
    'document.not_prd',
    'blocker',
    title,
    `This does not look like a PRD: ${reason}.`,
    'Run the gate on product requirement documents only; if this is meant to be one, start with the problem, the users, measurable goals and the requirements.',
  );
}

/** Said once, first: the word lists cannot read this document, so its score undercounts (rule `document.language`). */
function languageFinding(share: number, language: string): Finding {
  return documentFinding(
    'document.language',
    'major',
    '',
    `${Math.round(share * 100)}% of the letters are not in the Latin script: the rubric's word lists and headings (${language}) cannot judge this document, so most criteria score it as missing.`,
    'Review it by hand, or add word lists and headings for its language to a rubric version (see docs/gate.md, "Rubric versions").',
  );
}

/**
 * An unfilled template: at least three sections, and at least a third of the headed sections, hold only prompts or
 * placeholders (public rule id: `document.unfilled_template`).
 */
function unfilledTemplate(doc: DocModel, findings: readonly Finding[]): Finding | null {
  const hollow = findings.filter((f) => f.rule === 'completeness.hollow-section');
  const headed = doc.sections.filter((s) => s.heading && s.level <= 3).length;
  if (hollow.length < 3 || hollow.length * 3 < headed) return null;
  return documentFinding(
    'document.unfilled_template',
    'blocker',
    doc.sections[1]?.title ?? '',
    `This is an unfilled template: ${hollow.length} of its ${headed} sections hold only prompts or placeholders.`,
    'Write the content each heading asks for (the findings below say where), then submit it again.',
  );
}
