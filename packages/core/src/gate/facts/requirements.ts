// Requirements as real PRDs write them: id-prefixed list items, paragraphs or headings ("FR-3: …"),
// requirement tables (Id | Requirement | Priority | Acceptance), and numbered/bulleted lists under a
// Requirements heading. Acceptance sections are excluded: an "FR-1" heading there labels criteria.
import type { ListBlock, ListItem, Section, TableBlock } from '../../markdown/model.ts';
import { plainText } from '../../markdown/text.ts';
import {
  ACCEPTANCE_ID,
  ACCEPTANCE_INTRO,
  ACCEPTANCE_LABEL,
  GENERIC_ID_AT_START,
  GHERKIN_LINE,
  ID_AT_START,
  idKey,
  PRIORITY_HEADING,
  PRIORITY_IN_TEXT,
  PRIORITY_LABEL_START,
  PRIORITY_VALUE,
} from '../patterns.ts';
import { meaningfulWords } from './content.ts';
import type { DocFacts } from './facts.ts';
import { headerTexts, type TextUnit } from './units.ts';

export type Requirement = {
  id: string | null;
  key: string | null;
  /** How a fix names it: the id, or the start of its text. */
  label: string;
  text: string;
  kind: 'functional' | 'nfr';
  priority: string | null;
  source: 'table' | 'item' | 'heading' | 'paragraph';
  /** Where it is written (first cell, item, heading or paragraph). */
  unit: TextUnit;
  /** Units that state it (a row's cells; a heading and its first paragraph). */
  units: TextUnit[];
  section: Section;
  /** False for template rows like "FR-1 | TBD | Must": they hold a place, not a requirement. */
  substantive: boolean;
  /** Column holding acceptance criteria when it comes from a table row. */
  acceptanceCell: TextUnit | null;
};

const ID_HEADER = /^(?:#|id|no\.?|nr\.?|ref(?:erence)?|key|req(?:uirement)?\s*(?:id|#|no\.?)|story id|item)$/;
const ACCEPTANCE_HEADER = /acceptance|criteria|\bac\b|done when|definition of done|\bdod\b|verification|test/;
const PRIORITY_HEADER = /priority|prio|moscow|importance/;
const TEXT_HEADER =
  /requirement|description|feature|story|capability|title|summary|statement|functionality|what|need|behaviou?r/;
const NOT_REQUIREMENTS = [
  'acceptance',
  'scope',
  'metrics',
  'questions',
  'risks',
  'dependencies',
  'assumptions',
  'analytics',
  'release',
  'metadata',
] as const;

export function extractRequirements(facts: DocFacts): Requirement[] {
  const found: Requirement[] = [];
  // Sections headed by a requirement ("### FR-3 …"): their lists detail that requirement.
  const headed = new Set<Section>();
  const insideHeaded = (section: Section) => {
    for (let s: Section | null = section; s; s = s.parent) if (headed.has(s)) return true;
    return false;
  };
  for (const block of facts.doc.blocks) {
    if (facts.about(block.section, 'acceptance')) continue;
    const units = facts.unitsOf(block);
    if (block.kind === 'table') found.push(...fromTable(facts, block, units));
    else if (block.kind === 'list') {
      const details = insideHeaded(block.section) || follows(facts, block, ID_AT_START);
      found.push(...fromList(facts, block, units, details));
    } else if (block.kind === 'paragraph' && units[0]) {
      const req = fromIdText(facts, units[0], 'paragraph');
      if (req) found.push(req);
    } else if (block.kind === 'heading' && units[0]) {
      const req = fromIdText(facts, units[0], 'heading');
      if (req) {
        headed.add(block.section);
        found.push(withHeadingBody(facts, req));
      }
    }
  }
  found.push(...featureHeadings(facts, found));
  const kept = withoutSummaries(found);
  for (const req of kept) req.priority ??= priorityFromHeadings(req.section);
  return kept;
}

/**
 * Where the author gives requirements ids (FR-1 …), a bullet list without ids in another section ("1.3 Solution:
 * simple submission with geolocation, …") summarises them; it is not a second set of requirements.
 */
function withoutSummaries(found: Requirement[]): Requirement[] {
  const withIds = found.filter((r) => r.id && r.source !== 'paragraph');
  if (withIds.length < 3) return found;
  const idSections = new Set(withIds.map((r) => r.section));
  return found.filter((r) => r.id || r.source !== 'item' || idSections.has(r.section));
}

/**
 * "## Core Features" with a sub-heading per feature ("### Hero Section" and what it shows): when nothing else in the
 * document reads as a requirement, each described feature is one.
 */
function featureHeadings(facts: DocFacts, found: readonly Requirement[]): Requirement[] {
  const out: Requirement[] = [];
  if (found.length > 0) return out;
  for (const section of facts.doc.sections) {
    if (!facts.ownTopics(section).includes('requirements')) continue;
    if (!inRequirements(facts, section)) continue;
    for (const child of section.children) {
      const unit = facts.unitsIn(child).find((u) => u.kind === 'heading' && u.section === child);
      if (!unit || facts.contentWords(child, 3) < 3) continue;
      out.push({ ...withHeadingBody(facts, make(facts, unit, null, child.title, 'heading')), substantive: true });
    }
  }
  return out;
}

function inRequirements(facts: DocFacts, section: Section): boolean {
  if (!(facts.about(section, 'requirements') || facts.about(section, 'nfr'))) return false;
  // The heading that makes it a requirements section decides: "Launch Requirements > Pre-launch checklist" is a
  // release plan, its checklist items are not requirements.
  for (let s: Section | null = section; s; s = s.parent) {
    const own = facts.ownTopics(s);
    if (NOT_REQUIREMENTS.some((t) => own.includes(t))) return false;
    if (own.includes('requirements') || own.includes('nfr')) return true;
  }
  return true;
}

function kindOf(facts: DocFacts, section: Section, id: string | null): Requirement['kind'] {
  return (id && /^NFR/i.test(id)) || facts.about(section, 'nfr') ? 'nfr' : 'functional';
}

/** How a requirement without an id is named in messages: the start of its text, quoted. */
function quotedLabel(plain: string): string {
  return `"${plain.length > 40 ? `${plain.slice(0, 39).trimEnd()}…` : plain}"`;
}

function make(
  facts: DocFacts,
  unit: TextUnit,
  id: string | null,
  text: string,
  source: Requirement['source'],
  textUnit: TextUnit | null = unit,
): Requirement {
  const plain = plainText(text);
  // Ids are not content, so a unit's cached word count measures the statement itself.
  const words =
    textUnit && textUnit.kind !== 'heading' ? facts.meaningful(textUnit) : meaningfulWords(plain, facts.placeholders);
  return {
    id,
    key: id ? idKey(id) : null,
    label: id ?? quotedLabel(plain),
    text: plain,
    kind: kindOf(facts, unit.section, id),
    priority: priorityInText(text),
    source,
    unit,
    units: [unit],
    section: unit.section,
    substantive: words >= 2,
    acceptanceCell: null,
  };
}

/** "### Requirement 3: Regional price analysis", "### FR 1.2: Mobile checkout" (Kiro, BA specs): a numbered heading. */
const NAMED_ID_HEADING =
  /^\s*(?:\*\*|__)?((?:requirement|req|user story|story|feature|capability|FR|NFR|US)\s*#?\s*\d{1,3}(?:\.\d{1,3})?)(?:\*\*|__)?\s*[:.)–—-]\s*(?=\S)/i;

function fromIdText(facts: DocFacts, unit: TextUnit, source: 'paragraph' | 'heading' | 'item'): Requirement | null {
  // Ids start with a capital letter (optionally bold or bracketed): most text is skipped without a regex.
  const first = /\S/.exec(unit.text.slice(0, 8))?.[0];
  if (first && first >= '0' && first <= '9') return fromSectionNumber(facts, unit, source);
  if (!first || !(first === '*' || first === '_' || first === '[' || (first >= 'A' && first <= 'Z'))) return null;
  if (ACCEPTANCE_ID.test(unit.text)) return null;
  const m =
    ID_AT_START.exec(unit.text) ??
    (inRequirements(facts, unit.section) ? GENERIC_ID_AT_START.exec(unit.text) : null) ??
    (source === 'heading' ? NAMED_ID_HEADING.exec(unit.text) : null);
  if (!m) return null;
  const firstLine = (unit.text.split('\n', 1)[0] as string).slice(m[0].length);
  const text = source === 'paragraph' ? firstLine : unit.text.slice(m[0].length);
  return make(facts, unit, m[1] as string, text, source);
}

/** In a requirements section, a paragraph numbered like its section ("4.1.1. Font Size: …") is a requirement. */
function fromSectionNumber(facts: DocFacts, unit: TextUnit, source: string): Requirement | null {
  if (source !== 'paragraph' || !inRequirements(facts, unit.section)) return null;
  const m = SECTION_NUMBER_AT_START.exec(unit.text);
  if (!m || facts.meaningful(unit) < 1) return null;
  return make(facts, unit, m[1] as string, unit.text.slice(m[0].length), 'paragraph');
}

function withHeadingBody(facts: DocFacts, req: Requirement): Requirement {
  const section = req.unit.section;
  const body = section.blocks.find((b) => b.kind === 'paragraph' || b.kind === 'list');
  const bodyUnit = body ? facts.unitsOf(body)[0] : undefined;
  if (!bodyUnit) return req;
  const text = `${req.text} ${plainText(bodyUnit.text)}`.trim();
  const substantive = req.substantive || facts.meaningful(bodyUnit) >= 2;
  return {
    ...req,
    text,
    substantive,
    units: [req.unit, bodyUnit],
    priority: req.priority ?? priorityInText(bodyUnit.text) ?? null,
    kind: kindOf(facts, section, req.id),
  };
}

function fromList(facts: DocFacts, block: ListBlock, units: TextUnit[], details: boolean): Requirement[] {
  const reqSection = inRequirements(facts, block.section);
  const acceptanceList = details || follows(facts, block, ACCEPTANCE_INTRO);
  const out: Requirement[] = [];
  for (const unit of units) {
    const item = unit.item;
    if (!item || ACCEPTANCE_LABEL.test(item.text) || GHERKIN_LINE.test(item.text)) continue;
    const withId = fromIdText(facts, unit, 'item');
    if (withId) {
      withId.priority ??= childPriority(item.children.map((c) => c.text));
      out.push(withId);
    } else if (reqSection && !acceptanceList && item.depth === 0 && facts.meaningful(unit) >= 3) {
      const req = make(facts, unit, null, item.text, 'item');
      req.priority ??= childPriority(item.children.map((c) => c.text));
      out.push(req);
    } else if (reqSection && !acceptanceList && item.depth === 1 && introducedBy(item) && facts.meaningful(unit) >= 3) {
      // "As an HHS staff member, I want:" then one item per want: each completes the intro into a requirement.
      const req = make(facts, unit, null, `${item.parent?.text.trim()} ${item.text}`, 'item');
      req.label = quotedLabel(plainText(item.text));
      out.push(req);
    }
  }
  return out;
}

/** A top-level item ending in a colon introduces its children: "As a site visitor, I want:". */
function introducedBy(item: ListItem): boolean {
  const parent = item.parent;
  return (
    !!parent && parent.depth === 0 && /:\s*(?:\*\*|__)?\s*$/.test(parent.text) && !ACCEPTANCE_LABEL.test(parent.text)
  );
}

/** The block before this one in its section is a paragraph matching `intro` ("Acceptance criteria:"). */
export function follows(facts: DocFacts, block: ListBlock | TableBlock, intro: RegExp): boolean {
  const prev = facts.previousBlock(block);
  intro.lastIndex = 0;
  return prev?.kind === 'paragraph' && intro.test(prev.text.trim());
}

function fromTable(facts: DocFacts, table: TableBlock, units: TextUnit[]): Requirement[] {
  const headers = headerTexts(table);
  const reqSection = inRequirements(facts, table.section);
  // A use-case table ("User Action | Expected Result"): each step is a requirement, its expected result the test.
  const actionCol = headers.findIndex((h) => ACTION_HEADER.test(h));
  const expectedCol = headers.findIndex((h) => EXPECTED_HEADER.test(h));
  const useCase = actionCol >= 0 && expectedCol >= 0;
  let idCol = useCase ? -1 : headers.findIndex((h) => ID_HEADER.test(h));
  const accCol = useCase ? expectedCol : headers.findIndex((h) => ACCEPTANCE_HEADER.test(h));
  const prioCol = headers.findIndex((h) => PRIORITY_HEADER.test(h));
  const roles = new Set([accCol, prioCol]);
  const firstColIds = table.rows.filter((r) => r.cells[0] && ID_AT_START.test(r.cells[0].text)).length;
  if (idCol < 0 && table.rows.length > 0 && firstColIds * 2 >= table.rows.length) idCol = 0;
  roles.add(idCol);
  let textCol = useCase ? actionCol : headers.findIndex((h, i) => !roles.has(i) && TEXT_HEADER.test(h));
  // A field specification ("Field | Type | Mandatory (Y/N) | Comments"): each row states what one field must do.
  const mandatoryCol = headers.findIndex((h) => MANDATORY_HEADER.test(h));
  const fieldSpec = reqSection && FIELD_HEADER.test(headers[0] ?? '') && mandatoryCol > 0;
  if (fieldSpec) roles.add(0).add(mandatoryCol);
  const isRequirementTable =
    (idCol >= 0 && (reqSection || textCol >= 0 || firstColIds > 0)) ||
    (reqSection && textCol >= 0) ||
    fieldSpec ||
    useCase;
  if (!isRequirementTable) return [];
  if (textCol < 0) textCol = longestColumn(table, roles);
  const out: Requirement[] = [];
  const cellsByRow = new Map<object, TextUnit[]>();
  for (const u of units) {
    if (!u.row) continue;
    const cells = cellsByRow.get(u.row);
    if (cells) cells.push(u);
    else cellsByRow.set(u.row, [u]);
  }
  for (const row of table.rows) {
    const cellUnits = cellsByRow.get(row) ?? [];
    const textUnit = cellUnits.find((u) => u.cell === textCol);
    const idText = idCol >= 0 ? plainText(row.cells[idCol]?.text ?? '') : '';
    if (!textUnit || (!textUnit.text.trim() && !idText)) continue;
    const id = idText && idText.length <= 24 && !/\s{2,}/.test(idText) ? idText : null;
    const anchor = cellUnits[0] ?? textUnit;
    const req = make(facts, anchor, id, textUnit.text, 'table', textUnit);
    req.units = cellUnits;
    req.kind = kindOf(facts, table.section, id);
    const prio = prioCol >= 0 ? PRIORITY_VALUE.exec(row.cells[prioCol]?.text ?? '') : null;
    req.priority = prio ? (prio[1] as string) : req.priority;
    if (fieldSpec) {
      const field = plainText(row.cells[0]?.text ?? '');
      req.text = `${field}: ${req.text}`;
      req.label = quotedLabel(field);
      req.priority ??= mandatoryPriority(row.cells[mandatoryCol]?.text ?? '');
      // Its rules ("Minimum amount <= the amount entered", "Non-editable") are what a tester checks.
      if (accCol < 0 && facts.meaningful(textUnit) >= 3) req.acceptanceCell = textUnit;
    }
    req.acceptanceCell =
      accCol >= 0 ? (cellUnits.find((u) => u.cell === accCol) ?? req.acceptanceCell) : req.acceptanceCell;
    out.push(req);
  }
  return out;
}

const ACTION_HEADER = /^(?:user action|user step|action|step|scenario|trigger|when)$/;
const EXPECTED_HEADER = /^(?:expected(?: result| outcome| behaviou?r)?s?|outcome|then)$/;
const FIELD_HEADER = /^(?:data )?(?:field|attribute|parameter|input|property|element|column)(?: name)?s?$/;
const MANDATORY_HEADER = /mandatory|required|optional/;

/** "Y" / "Yes" / "Mandatory" in a field table is a must; "N" / "Optional" a could. */
function mandatoryPriority(cell: string): string | null {
  const value = plainText(cell).trim().toLowerCase();
  if (/^(?:y|yes|mandatory|required|true)\b/.test(value)) return 'Must';
  if (/^(?:n|no|optional|false)\b/.test(value)) return 'Could';
  return null;
}

function longestColumn(table: TableBlock, skip: Set<number>): number {
  let best = -1;
  let bestLength = -1;
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
  for (let i = 0; i < width; i++) {
    if (skip.has(i)) continue;
    const length = table.rows.reduce((n, r) => n + (r.cells[i]?.text.length ?? 0), 0);
    if (length > bestLength) [best, bestLength] = [i, length];
  }
  return best;
}

function priorityInText(text: string): string | null {
  const m = PRIORITY_IN_TEXT.exec(text) ?? PRIORITY_LABEL_START.exec(text) ?? RFC_2119_KEYWORD.exec(text);
  return m ? m[0].replace(/[^\w' -]/g, '').trim() : null;
}

/** RFC 2119 keywords in capitals ("Users MUST be able to …", "SHOULD") state the requirement's level. */
const RFC_2119_KEYWORD = /\b(?:MUST|SHALL|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)\b/;
/** "4.1.1. Font Size: Allow users to …" — a plain-text requirement numbered by its section. */
const SECTION_NUMBER_AT_START = /^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\p{L})/u;

function childPriority(children: string[]): string | null {
  for (const child of children) {
    const m = /^\s*(?:\*\*)?priority(?:\*\*)?\s*:\s*(?:\*\*)?\s*(\S+)/i.exec(child);
    if (m) return m[1] as string;
  }
  return null;
}

/** Requirements grouped under "### Must have" or "P0" headings inherit that priority. */
function priorityFromHeadings(section: Section): string | null {
  for (let s: Section | null = section; s && s.level > 0; s = s.parent) {
    const m = PRIORITY_HEADING.exec(s.title) ?? tierOf(s);
    if (m) return m[0];
  }
  return null;
}

/** "Core features" / "Secondary features" side by side rank what is under them; either heading alone does not. */
const TIER_HEADING = /\b(?:core|primary|essential|secondary|nice[- ]to[- ]have|optional|stretch)\b/i;

function tierOf(section: Section): RegExpExecArray | null {
  const m = TIER_HEADING.exec(section.title);
  if (!m || !section.parent) return null;
  const tier = m[0].toLowerCase();
  const ranked = section.parent.children.some((s) => {
    const other = s !== section ? TIER_HEADING.exec(s.title) : null;
    return other !== null && other[0].toLowerCase() !== tier;
  });
  return ranked ? m : null;
}
