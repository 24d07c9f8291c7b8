// Which requirement has which acceptance criteria. Criteria are found where PRDs put them: a table column,
// Given/When/Then or "Acceptance:" items nested under the requirement, the content of a requirement's own
// heading, ```gherkin blocks, and Acceptance sections that name the requirement id ("FR-3", "@FR-3").
import type { Section } from '../../markdown/model.ts';
import {
  ACCEPTANCE_INTRO,
  ACCEPTANCE_LABEL,
  GIVEN_WHEN_THEN,
  ID_AT_START,
  ID_MENTION,
  idKey,
  OBSERVABLE,
} from '../patterns.ts';
import { meaningfulWords } from './content.ts';
import type { DocFacts } from './facts.ts';
import { follows, type Requirement } from './requirements.ts';
import type { TextUnit } from './units.ts';

export type Evidence = {
  text: string;
  line: number;
  column: number;
  /** States something you can see or measure (a number, a message, a state). */
  observable: boolean;
  /** Groups units that form one criterion (the items of one list, one gherkin scenario). */
  group: object;
};

export type AcceptanceFacts = {
  of(req: Requirement): Evidence[];
  /** Criteria that name no requirement and sit under none: they may cover requirements written without ids. */
  unassignedGroups: number;
  /** Any criteria at all (with or without a requirement), for documents that have no requirement list. */
  total: number;
};

const SCENARIO_START = /^\s*(?:@[\w-]+\s+)*(?:scenario(?: outline)?|example)\s*:/im;
const GHERKIN_START = /^\s*(?:[-*]\s*)?(?:\*\*|__)?(?:given|then|scenario)\b/i;
const THEN = /\bthen\b([\s\S]*)$/i;

type Candidate = Evidence & { unit: TextUnit; mentions: string[] };

export function mapAcceptance(facts: DocFacts): AcceptanceFacts {
  const candidates = collectCandidates(facts);
  const result = new Map<Requirement, Evidence[]>();
  const used = new Set<Candidate>();
  const known = new Set<string>();
  const requirements = facts.requirements;
  for (const req of requirements) if (req.key) known.add(req.key);
  requirements.forEach((req, i) => {
    const evidence: Evidence[] = [];
    const take = (c: Candidate) => {
      used.add(c);
      evidence.push(c);
    };
    if (req.acceptanceCell && meaningfulWords(req.acceptanceCell.text, facts.placeholders) >= 2) {
      const cell = req.acceptanceCell;
      evidence.push({
        text: cell.text,
        line: cell.line,
        column: cell.column,
        observable: observable(cell.text),
        group: cell,
      });
    }
    for (const c of candidates) {
      if (req.units.includes(c.unit)) continue;
      if ((req.key && c.mentions.includes(req.key)) || isLocal(facts, req, requirements[i + 1], c.unit)) take(c);
    }
    result.set(req, evidence);
  });
  const groups = new Set<object>();
  for (const c of candidates) {
    if (used.has(c) || c.mentions.some((m) => known.has(m))) continue;
    if (requirements.some((r) => r.units.includes(c.unit))) continue;
    groups.add(c.group);
  }
  return { of: (req) => result.get(req) ?? [], unassignedGroups: groups.size, total: candidates.length };
}

/** Criteria written right under a requirement: nested items, its own heading's content, or the blocks after it. */
function isLocal(facts: DocFacts, req: Requirement, next: Requirement | undefined, unit: TextUnit): boolean {
  if (req.source === 'item') {
    for (let p = unit.item?.parent ?? null; p; p = p.parent) if (p === req.unit.item) return true;
    return false;
  }
  if (req.source === 'heading') return facts.within(unit.section, req.section);
  if (req.source === 'paragraph') {
    if (unit.order <= req.unit.order || unit.section !== req.section) return false;
    return !next || unit.order < next.unit.order;
  }
  return false;
}

function collectCandidates(facts: DocFacts): Candidate[] {
  const out: Candidate[] = [];
  for (const unit of facts.units) {
    if (unit.kind === 'heading' || unit.header) continue;
    if (unit.kind === 'code') {
      if (unit.lang === 'gherkin' || unit.lang === 'cucumber' || unit.lang === 'feature' || hasGivenWhenThen(unit.text))
        out.push(...scenarios(facts, unit));
      continue;
    }
    if (!isCriterion(facts, unit)) continue;
    const rest = unit.text.replace(ACCEPTANCE_LABEL, '');
    if (meaningfulWords(stripKeywords(rest), facts.placeholders) < 2) continue;
    out.push({
      unit,
      text: unit.text,
      line: unit.line,
      column: unit.column,
      observable: observable(rest),
      group: unit.kind === 'item' ? unit.block : unit,
      mentions: mentionsOf(facts, unit, unit.text),
    });
  }
  return out;
}

function isCriterion(facts: DocFacts, unit: TextUnit): boolean {
  if (GHERKIN_START.test(unit.text) || ACCEPTANCE_LABEL.test(unit.text) || hasGivenWhenThen(unit.text)) return true;
  if (facts.about(unit.section, 'acceptance'))
    return unit.kind !== 'cell' || unit.cell > 0 || !ID_AT_START.test(unit.text);
  const item = unit.item;
  if (item) {
    for (let p = item.parent; p; p = p.parent)
      if (ACCEPTANCE_LABEL.test(p.text) || ACCEPTANCE_INTRO.test(p.text.trim())) return true;
    if (unit.block.kind === 'list' && follows(unit.block, ACCEPTANCE_INTRO)) return true;
  }
  return false;
}

/** Requirement ids named by the criterion itself, its parent item, or the headings above it in an acceptance section. */
function mentionsOf(facts: DocFacts, unit: TextUnit, text: string): string[] {
  const ids = new Set<string>();
  const collect = (t: string) => {
    for (const m of t.matchAll(ID_MENTION)) ids.add(idKey(m[0]));
  };
  collect(text);
  for (let p = unit.item?.parent ?? null; p; p = p.parent) collect(p.text);
  for (let s: Section | null = unit.section; s && facts.about(s, 'acceptance'); s = s.parent) collect(s.title);
  if (unit.cell > 0 && unit.row) collect(unit.row.cells[0]?.text ?? '');
  return [...ids];
}

function scenarios(facts: DocFacts, unit: TextUnit): Candidate[] {
  const text = unit.text;
  const starts: number[] = [];
  const finder = new RegExp(SCENARIO_START.source, 'gim');
  for (const m of text.matchAll(finder)) starts.push(m.index);
  if (starts.length === 0 || (starts[0] as number) > 0) starts.unshift(0);
  const header = text.slice(0, starts[1] ?? text.length);
  const shared = mentionsOf(facts, unit, /^\s*feature:/im.test(header) ? header : '');
  const out: Candidate[] = [];
  starts.forEach((start, i) => {
    const body = text.slice(start, starts[i + 1] ?? text.length);
    if (meaningfulWords(stripKeywords(body), facts.placeholders) < 2) return;
    const line = unit.line + (text.slice(0, start).match(/\n/g)?.length ?? 0);
    const mentions = [...new Set([...shared, ...mentionsOf(facts, unit, body)])];
    out.push({ unit, text: body.trim(), line, column: 1, observable: observable(body), group: { unit, i }, mentions });
  });
  return out;
}

function stripKeywords(text: string): string {
  return text.replace(/\b(?:given|when|then|and|but|scenario(?: outline)?|feature|example)\b:?/gi, ' ');
}

function observable(text: string): boolean {
  const then = THEN.exec(text);
  return OBSERVABLE.test(then ? (then[1] as string) : text);
}

/** The lazy Given…When…Then regex is only worth running on text that says "given" at all. */
function hasGivenWhenThen(text: string): boolean {
  return /given/i.test(text) && GIVEN_WHEN_THEN.test(text);
}
