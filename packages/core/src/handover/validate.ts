// Pack validation (issue #14): one parse, then completeness, formatting, clarity, AI leftovers, secrets, OWASP
// coverage (security packs) and consistency with the product record; a score 0–100 and the gate's verdict rules.
// Pure and deterministic: the same text, kind and record give the same report in the browser, server and CLI.
// Secrets are masked before anything else reads the text, so no finding's excerpt can carry one.
import { compileRubric } from '../gate/compile.ts';
import { DEFAULT_RUBRIC } from '../gate/default-rubric.ts';
import { DocFacts } from '../gate/facts/facts.ts';
import { normaliseForGate } from '../gate/score.ts';
import type { Finding, Severity } from '../gate/types.ts';
import { verdictOf } from '../gate/verdict.ts';
import { parseDocument } from '../markdown/parse.ts';
import { countWords } from '../markdown/text.ts';
import { checkClarity } from './clarity.ts';
import { checkCompleteness, kindMismatch } from './completeness.ts';
import { checkConsistency } from './consistency.ts';
import { checkFormatting } from './formatting.ts';
import { checkLeftovers } from './leftovers.ts';
import { checkOwasp } from './owasp.ts';
import { lineAnchor, packText } from './pack-text.ts';
import { checkReleaseNotes } from './release-notes.ts';
import { DOCUMENT_RULES, packFinding } from './rules.ts';
import { findSecrets, maskSecrets } from './secrets.ts';
import { isPackKind, type PackKind, type PackReport, type ProductRecord } from './types.ts';

/** Beyond this a pack is refused, not read: the CLI and the server stop at 10 MB files as well. */
export const MAX_PACK_CHARS = 10 * 1024 * 1024;
/** Fewer words than this is a stub, a title or a file of another sort, not a pack. */
const MIN_WORDS = 30;
const MAX_FINDINGS_PER_RULE = 50;

/** Same shape as a rubric's verdict rules; a blocker always fails a pack (no conditional pass with a blocker). */
export const PACK_VERDICT = { passScore: 75, conditionalScore: 60, maxBlockersConditional: 0 };

/** How much each severity takes off its criterion (0–1), for the criteria scored by their findings. */
const PENALTY: Record<Severity, number> = { blocker: 1, major: 0.25, minor: 0.04, info: 0 };
const WEIGHTS = { completeness: 55, format: 5, clarity: 10, ai: 15, consistency: 5, secret: 10 };

export type ValidateOptions = { product?: ProductRecord };

export function validatePack(input: string, kind: PackKind, options: ValidateOptions = {}): PackReport {
  if (typeof input !== 'string') throw new TypeError('validatePack: the pack must be a string of text');
  if (!isPackKind(kind))
    throw new TypeError(`validatePack: unknown pack kind ${JSON.stringify(String(kind)).slice(0, 40)}`);
  const refusal = refuse(input);
  if (refusal) return { kind, score: 0, verdict: 'fail', findings: [refusal] };
  const normalised = normaliseForGate(input);
  const secrets = findSecrets(normalised);
  const doc = parseDocument(maskSecrets(normalised, secrets));
  const lexicon = compileRubric(DEFAULT_RUBRIC).lexicon();
  const facts = new DocFacts(doc, lexicon);
  const text = packText(doc);

  const completeness = checkCompleteness(doc, kind, lexicon.placeholders);
  const mismatch = kindMismatch(doc, kind, completeness.coverage, lexicon.placeholders);
  const emptyRequired = new Set(
    completeness.findings.filter((f) => f.rule === 'pack.completeness.empty_section').map((f) => f.line),
  );
  const format = checkFormatting(text, new Set(doc.sections.filter((s) => emptyRequired.has(s.line))));
  const clarity = checkClarity({ doc, facts, lexicon });
  const ai = checkLeftovers(text, facts, lexicon);
  const secretFindings = secrets.map((hit) =>
    packFinding(
      hit.rule,
      lineAnchor(text, hit.line, hit.column - 1),
      `${hit.rule.summary} pasted into the pack: anyone who reads it can use it.`,
      'Remove it, revoke and rotate it now (it has been shared), and point to the vault path instead of the value.',
    ),
  );
  // A pack of another kind gets one clear finding, not ten missing OWASP categories on top.
  const owasp =
    kind === 'security' && !mismatch ? checkOwasp(text, completeness.coverage.found.get('owasp')?.[0]) : null;
  const consistency = options.product ? checkConsistency(text, options.product) : [];
  const release = kind === 'release-notes' ? checkReleaseNotes(doc) : [];

  const findings = [
    ...(mismatch ? [mismatch] : []),
    ...completeness.findings,
    ...release,
    ...format,
    ...clarity.findings,
    ...ai,
    ...secretFindings,
    ...(owasp?.findings ?? []),
    ...consistency,
  ];
  // To the power 1.5: a pack missing half its required sections keeps about a third of the credit, not half. A form
  // whose lines are still "______" or "[Name]" has its sections in name only: the share of such lines is taken off.
  const unfilled = unfilledShare(ai, doc.lines);
  const sections = (owasp ? 0.6 * completeness.score + 0.4 * owasp.score : completeness.score) ** 1.5 * (1 - unfilled);
  const total =
    WEIGHTS.completeness * (mismatch ? 0 : sections) +
    WEIGHTS.format * byFindings(format) +
    WEIGHTS.clarity * clarity.score +
    WEIGHTS.ai * byFindings(ai) +
    WEIGHTS.consistency * byFindings(consistency) +
    WEIGHTS.secret * (secrets.length ? 0 : 1);
  const score = Math.min(100, Math.max(0, Math.round(total)));
  const ordered = capPerRule(sortFindings(findings, doc.lines.length));
  return { kind, score, verdict: verdictOf(score, ordered, PACK_VERDICT), findings: ordered };
}

/** The one finding of input that is not a pack at all, or null. */
function refuse(input: string): Finding | null {
  const rule = DOCUMENT_RULES;
  const top = { line: 1, column: 1, section: null, text: '' };
  if (input.length > MAX_PACK_CHARS)
    return packFinding(
      rule.too_large,
      top,
      `The pack has ${(input.length / 1024 / 1024).toFixed(1)} M characters; packs are validated up to 10 M.`,
      'Split the pack by kind (QA, security, runbook, release notes, documentation) and validate each.',
    );
  const sample = input.slice(0, 65536);
  // Binary files decoded as text are full of control characters and U+FFFD; text never is.
  const garbage = controlCount(sample);
  if (garbage > 0 && (sample.includes('\u0000') || garbage / sample.length > 0.01))
    return packFinding(
      rule.not_a_pack,
      top,
      'This is binary data, not a pack.',
      'Upload the pack as Markdown, plain text or .docx.',
    );
  const words = countWords(input.slice(0, 200_000));
  if (words < MIN_WORDS)
    return packFinding(
      rule.not_a_pack,
      // Quoted masked: a short paste may be nothing but a key.
      { ...top, text: maskSecrets(input.trim().slice(0, 400)).slice(0, 120) },
      input.trim() === '' ? 'The pack is empty.' : `The pack has ${words} words: too little to be a pack.`,
      'Upload the full pack: its sections, facts and evidence for this release.',
    );
  return null;
}

/** Control characters other than tab and line breaks, plus U+FFFD (what a decoder makes of invalid bytes). */
function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return n;
}

/** Lines with an unfilled template placeholder ÷ lines with text. */
function unfilledShare(ai: readonly Finding[], lines: readonly string[]): number {
  const placeholderLines = new Set(ai.filter((f) => f.rule === 'pack.ai.template_placeholder').map((f) => f.line)).size;
  const textLines = lines.filter((l) => /\p{L}/u.test(l)).length;
  return textLines ? Math.min(1, placeholderLines / textLines) : 0;
}

function byFindings(findings: readonly Finding[]): number {
  let penalty = 0;
  for (const f of findings) penalty += PENALTY[f.severity];
  return Math.max(0, 1 - penalty);
}

function sortFindings(findings: Finding[], lastLine: number): Finding[] {
  for (const f of findings) f.line = Math.min(Math.max(1, f.line), Math.max(1, lastLine));
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** A 100-page pack can repeat one mistake thousands of times; the first ones per rule tell the story. */
function capPerRule(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.filter((f) => {
    const n = (seen.get(f.rule) ?? 0) + 1;
    seen.set(f.rule, n);
    return n <= MAX_FINDINGS_PER_RULE;
  });
}
