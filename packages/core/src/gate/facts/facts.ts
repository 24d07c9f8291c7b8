// Everything the checks share about one document, computed once and lazily: text units, what each section is
// about, requirements and their acceptance criteria. No check re-parses or re-scans what another already did.
import type { Block, DocModel, Section } from '../../markdown/model.ts';
import type { Topic } from '../lexicon.ts';
import type { CompiledLexicon } from '../lexicon-compile.ts';
import type { PhraseHit, PhraseMatcher } from '../phrases.ts';
import { type AcceptanceFacts, mapAcceptance } from './acceptance.ts';
import { meaningfulWords } from './content.ts';
import { extractRequirements, type Requirement } from './requirements.ts';
import { buildUnits, subtreeEnds, type TextUnit } from './units.ts';

export type Scan = { hits: readonly PhraseHit[]; tokens: number; placeholders: readonly PhraseHit[] };

export class DocFacts {
  readonly units: TextUnit[];
  readonly placeholders: PhraseMatcher;
  /** The lone H1 that names the document, if there is one. */
  readonly title: Section | null;
  private readonly ends: number[];
  private readonly own: Topic[][];
  private readonly effective: Set<Topic>[];
  // Per unit, by its position in `units` (unit.order): arrays, not Maps keyed by object, as these are read for
  // nearly every unit by several checks.
  private readonly words: Int32Array;
  private readonly scans: (Scan | undefined)[];
  private cachedRequirements: Requirement[] | null = null;
  private cachedAcceptance: AcceptanceFacts | null = null;
  private readonly regionCache = new Map<Topic, Section[]>();
  private readonly unitCache = new Map<Section, TextUnit[]>();
  private readonly ownUnits: TextUnit[][];
  private rows: Map<object, TextUnit[]> | null = null;
  private byBlock: Map<object, TextUnit[]> | null = null;
  private blockIndex: Map<Block, number> | null = null;

  constructor(
    readonly doc: DocModel,
    readonly lexicon: CompiledLexicon,
  ) {
    this.units = buildUnits(doc);
    this.words = new Int32Array(this.units.length).fill(-1);
    this.scans = new Array(this.units.length);
    this.placeholders = lexicon.placeholders;
    this.ends = subtreeEnds(doc.sections);
    this.ownUnits = doc.sections.map(() => []);
    for (const unit of this.units) this.ownUnits[unit.section.index]?.push(unit);
    const title = documentTitle(doc);
    this.title = title;
    this.own = doc.sections.map((s) => (s === title || !s.title ? [] : lexicon.topicsOf(s.title)));
    this.effective = doc.sections.map(() => new Set<Topic>());
    for (const s of doc.sections) {
      const set = this.effective[s.index] as Set<Topic>;
      if (s.parent) for (const t of this.effective[s.parent.index] as Set<Topic>) set.add(t);
      for (const t of this.own[s.index] as Topic[]) set.add(t);
    }
  }

  ownTopics(section: Section): readonly Topic[] {
    return this.own[section.index] ?? [];
  }

  /** The section is about `topic` itself or sits under a section that is. */
  about(section: Section, topic: Topic): boolean {
    return this.effective[section.index]?.has(topic) ?? false;
  }

  within(section: Section, ancestor: Section): boolean {
    return section.index >= ancestor.index && section.index <= (this.ends[ancestor.index] ?? ancestor.index);
  }

  /** Top-most sections whose heading names the topic (a synonym counts; content is judged separately). */
  regions(topic: Topic): Section[] {
    let found = this.regionCache.get(topic);
    if (!found) {
      found = this.doc.sections.filter(
        (s) => this.own[s.index]?.includes(topic) && !(s.parent && this.about(s.parent, topic)),
      );
      this.regionCache.set(topic, found);
    }
    return found;
  }

  /** Units under a section and its subsections, document order (built from per-section lists: linear, not n²). */
  unitsIn(section: Section): TextUnit[] {
    let found = this.unitCache.get(section);
    if (!found) {
      const end = this.ends[section.index] ?? section.index;
      if (end === section.index) found = this.ownUnits[section.index] ?? [];
      else {
        found = [];
        for (let i = section.index; i <= end; i++) for (const unit of this.ownUnits[i] ?? []) found.push(unit);
        found.sort((a, b) => a.order - b.order);
      }
      this.unitCache.set(section, found);
    }
    return found;
  }

  /** End of a section's subtree in pre-order (for skipping a whole subtree at once). */
  subtreeEnd(section: Section): number {
    return this.ends[section.index] ?? section.index;
  }

  /** Cells of one table row, in column order. */
  rowCells(unit: TextUnit): TextUnit[] {
    if (!unit.row) return [unit];
    if (!this.rows) {
      this.rows = new Map();
      for (const u of this.units) {
        if (!u.row) continue;
        const cells = this.rows.get(u.row);
        if (cells) cells.push(u);
        else this.rows.set(u.row, [u]);
      }
    }
    return this.rows.get(unit.row) ?? [unit];
  }

  /** Units of one block (a list's items, a table's cells). */
  unitsOf(block: object): TextUnit[] {
    if (!this.byBlock) {
      this.byBlock = new Map();
      for (const u of this.units) {
        const list = this.byBlock.get(u.block);
        if (list) list.push(u);
        else this.byBlock.set(u.block, [u]);
      }
    }
    return this.byBlock.get(block) ?? [];
  }

  /** The block just before this one in its section. */
  previousBlock(block: Block): Block | undefined {
    return block.section.blocks[this.blockAt(block) - 1];
  }

  /** The block just after this one in its section. */
  nextBlock(block: Block): Block | undefined {
    return block.section.blocks[this.blockAt(block) + 1];
  }

  private blockAt(block: Block): number {
    if (!this.blockIndex) {
      this.blockIndex = new Map();
      for (const section of this.doc.sections) {
        section.blocks.forEach((b, i) => {
          this.blockIndex?.set(b, i);
        });
      }
    }
    return this.blockIndex.get(block) ?? 0;
  }

  /** Where a unit's facts are cached: its position in `units`, or -1 for a unit of some other document. */
  private slot(unit: TextUnit): number {
    return this.units[unit.order] === unit ? unit.order : -1;
  }

  meaningful(unit: TextUnit): number {
    const i = this.slot(unit);
    let n = i >= 0 ? (this.words[i] as number) : -1;
    if (n < 0) {
      n =
        unit.kind === 'heading' || unit.header
          ? 0
          : meaningfulWords(
              unit.text,
              this.placeholders,
              this.placeholderHits(unit),
              // The unit was scanned just now, unless an earlier check did: its words are then scanned again.
              this.lexicon.phrases.tokensOf(unit.text),
            );
      if (i >= 0) this.words[i] = n;
    }
    return n;
  }

  /** Word-list hits (clarity lists and placeholders) and the word count of a unit, found in one pass. */
  scan(unit: TextUnit): Scan {
    const i = this.slot(unit);
    let scan = i >= 0 ? this.scans[i] : undefined;
    if (!scan) {
      const { hits, tokens } = this.lexicon.phrases.scan(unit.text);
      scan = { hits, tokens, placeholders: placeholdersIn(unit.text, hits) };
      if (i >= 0) this.scans[i] = scan;
    }
    return scan;
  }

  /** Placeholder words (TBD, TODO, "to be defined") in a unit. */
  placeholderHits(unit: TextUnit): readonly PhraseHit[] {
    return this.scan(unit).placeholders;
  }

  /** Whether any paragraph, item or table row under the section has at least `min` content words. */
  hasContent(section: Section, min: number): boolean {
    const rows = new Map<object, { label: number; rest: number }>();
    for (const unit of this.unitsIn(section)) {
      if (unit.kind === 'heading' || unit.header) continue;
      const words = this.meaningful(unit);
      if (unit.kind !== 'cell' || !unit.row) {
        if (words >= min) return true;
        continue;
      }
      const row = rows.get(unit.row) ?? { label: 0, rest: 0 };
      if (unit.cell === 0) row.label += words;
      else row.rest += words;
      rows.set(unit.row, row);
      if (row.rest > 0 && row.label + row.rest >= min) return true;
    }
    return false;
  }

  /**
   * Content words under a section, counting stops at `cap`. A table row counts only when a cell other than its
   * label has content, so a template row "Performance | TBD" is still hollow.
   */
  contentWords(section: Section, cap = Number.POSITIVE_INFINITY): number {
    let total = 0;
    const rows = new Map<object, { label: number; rest: number; counted: boolean }>();
    for (const unit of this.unitsIn(section)) {
      if (total >= cap) return total;
      if (unit.kind === 'heading' || unit.header) continue;
      const words = this.meaningful(unit);
      if (unit.kind !== 'cell' || !unit.row) {
        total += words;
        continue;
      }
      const row = rows.get(unit.row) ?? { label: 0, rest: 0, counted: false };
      rows.set(unit.row, row);
      if (unit.cell === 0) row.label += words;
      else row.rest += words;
      if (row.rest > 0 && !row.counted) {
        total += row.label + row.rest;
        row.counted = true;
      } else if (row.counted) total += words;
    }
    return total;
  }

  get requirements(): Requirement[] {
    this.cachedRequirements ??= extractRequirements(this);
    return this.cachedRequirements;
  }

  get acceptance(): AcceptanceFacts {
    this.cachedAcceptance ??= mapAcceptance(this);
    return this.cachedAcceptance;
  }
}

/** A lone H1 at the top is the document's title, not a section about anything ("Payout Requirements"). */
function documentTitle(doc: DocModel): Section | null {
  const h1 = doc.sections.filter((s) => s.level === 1 && !s.fromDetails);
  const first = doc.sections[1];
  return first !== undefined && h1.length === 1 && first === h1[0] ? first : null;
}

const NO_HITS: readonly PhraseHit[] = [];

/** The placeholder hits that are real placeholders; most units have none, and share one empty list. */
function placeholdersIn(text: string, hits: readonly PhraseHit[]): readonly PhraseHit[] {
  let found: PhraseHit[] | null = null;
  for (const h of hits) {
    if (h.list !== 'placeholders' || !isPlaceholder(text, h)) continue;
    found ??= [];
    found.push(h);
  }
  return found ?? NO_HITS;
}

/** "TODO list", "todo app": a product's subject, not a note to finish something. */
const NAMED_BY_PLACEHOLDER =
  /^[\s-]*(?:lists?|apps?|applications?|items?|managers?|tasks?|features?|entries|extensions?)\b/i;

/**
 * A placeholder word that is really one: not inside a code span (`TODO`), not a format mask ("RM x,xxx.xx",
 * "XXX-XXX-XXXX"), and not a lower-case name ("a todo list app").
 */
function isPlaceholder(text: string, hit: PhraseHit): boolean {
  const before = text.slice(0, hit.start);
  if ((before.match(/`/g)?.length ?? 0) % 2 === 1) return false;
  const prev = text[hit.start - 1] ?? ' ';
  const next = text[hit.end] ?? ' ';
  if (/^x+$/i.test(hit.text) && (/[\d.,/:x-]/i.test(prev) || /[\d.,/:x-]/i.test(next))) return false;
  if (
    /^to-?do$/i.test(hit.text) &&
    (hit.text !== hit.text.toUpperCase() || NAMED_BY_PLACEHOLDER.test(text.slice(hit.end)))
  )
    return false;
  return true;
}
