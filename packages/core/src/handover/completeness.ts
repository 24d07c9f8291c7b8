// Completeness: the pack kind's required sections, found by heading synonyms and counted only when they hold
// content (a heading over "TBD" is not a section). The same matching, run for every kind, says when a pack is of
// another kind than the one it is validated as.
import { documentAnchor, sectionAnchor } from '../gate/checks/kit.ts';
import { isPlaceholderOnly, isPrompt } from '../gate/facts/content.ts';
import { normaliseHeading } from '../gate/lexicon-compile.ts';
import type { PhraseMatcher } from '../gate/phrases.ts';
import type { Finding } from '../gate/types.ts';
import type { Block, DocModel, ListItem, Section } from '../markdown/model.ts';
import { KIND_RULES, packFinding, COMPLETENESS_RULES as R } from './rules.ts';
import { PACK_SECTIONS, type PackSection, synonymMatcher } from './sections.ts';
import { PACK_KINDS, type PackKind } from './types.ts';

/** "1.2.0", "[2.0.0-rc.1]", "v3.1", "Release 4.2 — 2026-01-05": a release heading. */
export const VERSION_HEADING = /(?:^|[\s[(])v?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?\]?(?=$|[\s)\]:,–—-])/;

const MATCHERS = new Map<PackSection, RegExp | null>(
  PACK_KINDS.flatMap((kind) => PACK_SECTIONS[kind].map((s) => [s, synonymMatcher(s)] as const)),
);

export type KindCoverage = {
  kind: PackKind;
  /** Sections found per section id (heading matched), with or without content. */
  found: Map<string, Section[]>;
  /** Required sections found with content ÷ required sections. */
  ratio: number;
};

/** Which of `kind`'s sections the document's headings name. */
export function coverageOf(doc: DocModel, kind: PackKind, placeholders: PhraseMatcher): KindCoverage {
  const found = new Map<string, Section[]>();
  const headings = doc.sections.filter((s) => s.level > 0 && s.title);
  const normalised = headings.map((s) => normaliseHeading(s.title));
  for (const section of PACK_SECTIONS[kind]) {
    const matcher = MATCHERS.get(section);
    const hits: Section[] = [];
    headings.forEach((h, i) => {
      const matches =
        section.id === 'version' && kind === 'release-notes'
          ? VERSION_HEADING.test(h.title)
          : matcher?.test(normalised[i] as string) === true;
      if (matches) hits.push(h);
    });
    if (hits.length) found.set(section.id, hits);
  }
  const required = PACK_SECTIONS[kind].filter((s) => s.required);
  const present = required.filter((s) => (found.get(s.id) ?? []).some((h) => hasContent(h, placeholders))).length;
  return { kind, found, ratio: required.length ? present / required.length : 1 };
}

/** A section counts by its content: some block in it or below it with a word that is not a placeholder. */
export function hasContent(section: Section, placeholders: PhraseMatcher): boolean {
  if (section.blocks.some((b) => blockHasWords(b, placeholders))) return true;
  return section.children.some((child) => hasContent(child, placeholders));
}

function blockHasWords(block: Block, placeholders: PhraseMatcher): boolean {
  const words = (text: string) => !isPlaceholderOnly(text, placeholders);
  switch (block.kind) {
    case 'heading':
      return false;
    case 'code':
      return block.text.trim() !== '';
    case 'list':
      return block.items.some((item) => item.parent === null && itemHasWords(item, words));
    case 'table':
      // The first column labels the row ("Level 1", "[Task 1]"): a row counts by what it says about the label.
      return block.rows.some((row) =>
        row.cells.some((cell, i) => (i > 0 || row.cells.length === 1) && words(cell.text)),
      );
    default:
      // Each line on its own: "**Symptoms**: [What the user sees]" on one line and "**Cause**: [Why]" on the next
      // are two labels over two placeholders.
      return !isGuidance(block.text, block.quoted) && block.text.split('\n').some(words);
  }
}

/** "**Account creation**" over "[Step 1]", "[Step 2]": a heading item counts by its sub-items. */
function itemHasWords(item: ListItem, words: (text: string) => boolean): boolean {
  if (!words(item.text) || isPrompt(item.text)) return false;
  return item.children.length === 0 || item.children.some((child) => itemHasWords(child, words));
}

/** "_(e.g. Contractual 99.9% availability)_": a template's example answer, not this product's. */
const EXAMPLE_ONLY = /^[_*\s]*\(\s*(?:e\.g\.|eg\.|example:|for example)/i;

/**
 * A template's guidance, not content: its prompts ("Describe the …"), quoted questions to the author ("> Which team
 * owns this service?") and example answers in parentheses. An unfilled template is all sections and no content.
 */
function isGuidance(text: string, quoted: boolean): boolean {
  return EXAMPLE_ONLY.test(text) || isPrompt(text) || (quoted && /\?\s*$/.test(text.trim()));
}

export type CompletenessResult = { score: number; findings: Finding[]; coverage: KindCoverage };

export function checkCompleteness(doc: DocModel, kind: PackKind, placeholders: PhraseMatcher): CompletenessResult {
  const coverage = coverageOf(doc, kind, placeholders);
  const findings: Finding[] = [];
  const reportedEmpty = new Set<Section>();
  for (const section of PACK_SECTIONS[kind]) {
    const hits = coverage.found.get(section.id) ?? [];
    if (hits.length === 0) {
      const rule = section.required ? R.missing_section : R.missing_recommended;
      findings.push(
        packFinding(
          rule,
          documentAnchor(doc),
          `${section.required ? 'Required' : 'Recommended'} section missing: ${section.label}.`,
          `Add a section "${section.label}" with the facts for this release.`,
        ),
      );
    } else if (section.required && !hits.some((h) => hasContent(h, placeholders))) {
      const first = hits[0] as Section;
      // One heading can name two sections ("Infrastructure and access"): it is reported once.
      if (reportedEmpty.has(first)) continue;
      reportedEmpty.add(first);
      findings.push(
        packFinding(
          R.empty_section,
          sectionAnchor(first),
          `"${first.title}" (${section.label}) has a heading but no content.`,
          'Write the section: facts, numbers, names and links for this release, not a placeholder.',
        ),
      );
    }
  }
  return { score: coverage.ratio, findings, coverage };
}

/** A blocker when another kind fits the pack clearly better than the one it is validated as. */
export function kindMismatch(
  doc: DocModel,
  kind: PackKind,
  own: KindCoverage,
  placeholders: PhraseMatcher,
): Finding | null {
  if (own.ratio >= 0.34) return null;
  let best: KindCoverage | null = null;
  for (const other of PACK_KINDS) {
    if (other === kind) continue;
    const c = coverageOf(doc, other, placeholders);
    if (!best || c.ratio > best.ratio) best = c;
  }
  // Clear cases only: most of the other kind's required sections, well ahead of this kind's. A security policy that
  // has a "Security" heading (a Keep a Changelog group too) is not release notes.
  if (!best || best.ratio < 0.67 || best.ratio - own.ratio < 0.4) return null;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return packFinding(
    KIND_RULES.mismatch,
    documentAnchor(doc),
    `This looks like a ${best.kind} pack, not a ${kind} pack: it has ${pct(best.ratio)} of the required ${best.kind} sections and ${pct(own.ratio)} of the ${kind} ones.`,
    `Validate it with --kind ${best.kind}, or upload the ${kind} pack this checklist item needs.`,
  );
}
