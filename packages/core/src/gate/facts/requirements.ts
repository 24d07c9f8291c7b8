// Requirements as real PRDs write them: id-prefixed list items, paragraphs or headings ("FR-3: …"),
// requirement tables (Id | Requirement | Priority | Acceptance), and numbered/bulleted lists under a
// Requirements heading. Acceptance sections are excluded: an "FR-1" heading there labels criteria.
import type { ListBlock, Section, TableBlock } from '../../markdown/model.ts';
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
  for (const req of found) req.priority ??= priorityFromHeadings(req.section);
  return found;
}

function inRequirements(facts: DocFacts, section: Section): boolean {
  return (
    (facts.about(section, 'requirements') || facts.about(section, 'nfr')) &&
    !NOT_REQUIREMENTS.some((t) => facts.ownTopics(section).includes(t))
  );
}

function kindOf(facts: DocFacts, section: Section, id: string | null): Requirement['kind'] {
  return (id && /^NFR/i.test(id)) || facts.about(section, 'nfr') ? 'nfr' : 'functional';
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
    label: id ?? `"${plain.length > 40 ? `${plain.slice(0, 39).trimEnd()}…` : plain}"`,
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
    }
  }
  return out;
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
  let idCol = headers.findIndex((h) => ID_HEADER.test(h));
  const accCol = headers.findIndex((h) => ACCEPTANCE_HEADER.test(h));
  const prioCol = headers.findIndex((h) => PRIORITY_HEADER.test(h));
  const roles = new Set([accCol, prioCol]);
  const firstColIds = table.rows.filter((r) => r.cells[0] && ID_AT_START.test(r.cells[0].text)).length;
  if (idCol < 0 && table.rows.length > 0 && firstColIds * 2 >= table.rows.length) idCol = 0;
  roles.add(idCol);
  let textCol = headers.findIndex((h, i) => !roles.has(i) && TEXT_HEADER.test(h));
  const isRequirementTable =
    (idCol >= 0 && (reqSection || textCol >= 0 || firstColIds > 0)) || (reqSection && textCol >= 0);
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
    req.acceptanceCell = accCol >= 0 ? (cellUnits.find((u) => u.cell === accCol) ?? null) : null;
    out.push(req);
  }
  return out;
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
  const m = PRIORITY_IN_TEXT.exec(text) ?? PRIORITY_LABEL_START.exec(text);
  return m ? m[0].replace(/[^\w' -]/g, '').trim() : null;
}

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
    const m = PRIORITY_HEADING.exec(s.title);
    if (m) return m[0];
  }
  return null;
}
