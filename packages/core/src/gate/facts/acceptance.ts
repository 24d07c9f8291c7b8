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

type Candidate = Evidence & { unit: TextUnit; mentions: string[]; order: number };

export function mapAcceptance(facts: DocFacts): AcceptanceFacts {
  const candidates = collectCandidates(facts);
  const index = indexCandidates(candidates);
  const requirements = facts.requirements;
  const requirementUnits = new Set<TextUnit>(requirements.flatMap((r) => r.units));
  const known = new Set<string>();
  for (const req of requirements) if (req.key) known.add(req.key);
  const result = new Map<Requirement, Evidence[]>();
  const used = new Set<Candidate>();
  requirements.forEach((req, i) => {
    const evidence: Evidence[] = [];
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
    const found = new Set<Candidate>([
      ...(req.key ? (index.byKey.get(req.key) ?? []) : []),
      ...local(index, req, requirements[i + 1]),
    ]);
    for (const c of [...found].sort((a, b) => a.order - b.order)) {
      if (req.units.includes(c.unit)) continue;
      used.add(c);
      evidence.push(c);
    }
    result.set(req, evidence);
  });
  const unassigned = candidates.filter(
    (c) => !used.has(c) && !requirementUnits.has(c.unit) && !c.mentions.some((m) => known.has(m)),
  );
  // A checklist of criteria that names no requirement ("- [ ] User can mark an invoice as paid") still covers the
  // requirements it restates: each criterion goes to the uncovered requirement sharing the most content words.
  const rest = matchByWords(
    unassigned,
    requirements.filter((r) => (result.get(r) ?? []).length === 0),
    result,
  );
  const groups = new Set<object>(rest.map((c) => c.group));
  return { of: (req) => result.get(req) ?? [], unassignedGroups: groups.size, total: candidates.length };
}

const STOPWORDS = new Set(
  'the a an and or of to in on for with by from at as is are be can will must should shall may user users system app it its their they this that when then given each any all not no into via'.split(
    ' ',
  ),
);

/** Content words, crudely stemmed so "invoices"/"invoice" and "marked"/"mark" meet. */
function contentKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []) {
    if (STOPWORDS.has(w)) continue;
    keys.add(w.replace(/(?:ing|ed|es|s)$/, ''));
  }
  return keys;
}

/** Assigns criteria to requirements by shared words (at least 2, and a third of the criterion's); returns the rest. */
function matchByWords(
  criteria: readonly Candidate[],
  open: readonly Requirement[],
  result: Map<Requirement, Evidence[]>,
): Candidate[] {
  if (criteria.length === 0 || open.length === 0) return [...criteria];
  const reqKeys = open.map((r) => contentKeys(r.units.map((u) => u.text).join(' ')));
  const rest: Candidate[] = [];
  for (const c of criteria) {
    const keys = contentKeys(c.text);
    let best = -1;
    let bestShared = 0;
    reqKeys.forEach((rk, i) => {
      let shared = 0;
      for (const k of keys) if (rk.has(k)) shared++;
      if (shared > bestShared) {
        bestShared = shared;
        best = i;
      }
    });
    const req = open[best];
    if (req && bestShared >= 2 && bestShared * 3 >= keys.size) result.get(req)?.push(c);
    else rest.push(c);
  }
  return rest;
}

type CandidateIndex = {
  byKey: Map<string, Candidate[]>;
  /** Candidates by every list item above them. */
  byItem: Map<object, Candidate[]>;
  /** Candidates by every section above them (their own included). */
  bySection: Map<Section, Candidate[]>;
  /** Candidates by their own section, in document order. */
  inSection: Map<Section, Candidate[]>;
};

/** One pass over the candidates so matching requirements to criteria stays linear on very long PRDs. */
function indexCandidates(candidates: readonly Candidate[]): CandidateIndex {
  const index: CandidateIndex = { byKey: new Map(), byItem: new Map(), bySection: new Map(), inSection: new Map() };
  const add = <K>(map: Map<K, Candidate[]>, key: K, c: Candidate) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of candidates) {
    for (const key of c.mentions) add(index.byKey, key, c);
    for (let p = c.unit.item?.parent ?? null; p; p = p.parent) add(index.byItem, p, c);
    for (let s: Section | null = c.unit.section; s; s = s.parent) add(index.bySection, s, c);
    add(index.inSection, c.unit.section, c);
  }
  return index;
}

/** Criteria written right under a requirement: nested items, its own heading's content, or the blocks after it. */
function local(index: CandidateIndex, req: Requirement, next: Requirement | undefined): Candidate[] {
  if (req.source === 'item') return req.unit.item ? (index.byItem.get(req.unit.item) ?? []) : [];
  if (req.source === 'heading') return index.bySection.get(req.section) ?? [];
  if (req.source !== 'paragraph') return [];
  const inSection = index.inSection.get(req.section) ?? [];
  const from = firstAfter(inSection, req.unit.order);
  const out: Candidate[] = [];
  for (let i = from; i < inSection.length; i++) {
    const c = inSection[i] as Candidate;
    if (next && c.order >= next.unit.order) break;
    out.push(c);
  }
  return out;
}

function firstAfter(list: readonly Candidate[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Candidate).order <= order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
      order: unit.order,
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
    if (unit.block.kind === 'list' && follows(facts, unit.block, ACCEPTANCE_INTRO)) return true;
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

/** Every scenario start in a text (matchAll works on a copy: this one's lastIndex never moves). */
const SCENARIO_FINDER = new RegExp(SCENARIO_START.source, 'gim');

function scenarios(facts: DocFacts, unit: TextUnit): Candidate[] {
  const text = unit.text;
  const starts: number[] = [];
  for (const m of text.matchAll(SCENARIO_FINDER)) starts.push(m.index);
  if (starts.length === 0 || (starts[0] as number) > 0) starts.unshift(0);
  const header = text.slice(0, starts[1] ?? text.length);
  const shared = mentionsOf(facts, unit, /^\s*feature:/im.test(header) ? header : '');
  const out: Candidate[] = [];
  // Lines are counted incrementally: recounting from the top for every scenario was quadratic.
  let line = unit.line;
  let counted = 0;
  starts.forEach((start, i) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++;
    counted = start;
    const body = text.slice(start, starts[i + 1] ?? text.length);
    if (meaningfulWords(stripKeywords(body), facts.placeholders) < 2) return;
    const mentions = [...new Set([...shared, ...mentionsOf(facts, unit, body)])];
    out.push({
      unit,
      text: body.trim(),
      line,
      column: 1,
      observable: observable(body),
      group: { unit, i },
      mentions,
      order: unit.order + i / 1000,
    });
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
