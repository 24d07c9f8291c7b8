// Builds the section tree while blocks stream in from the Markdown walk and the HTML tokenizer.
import type { Block, Heading, Position, Section } from './model.ts';

const MAX_DEPTH = 12;

type NewBlock = Block extends infer B ? (B extends Block ? Omit<B, 'section'> : never) : never;

export class SectionBuilder {
  readonly root: Section;
  readonly sections: Section[];
  readonly blocks: Block[] = [];
  private stack: Section[];

  constructor() {
    this.root = makeSection('', 0, { line: 1, column: 1 }, null, false, 0);
    this.sections = [this.root];
    this.stack = [this.root];
  }

  get current(): Section {
    return this.stack[this.stack.length - 1] as Section;
  }

  heading(level: number, text: string, pos: Position): void {
    // An open <details> keeps the headings written inside it; only </details> closes it.
    while (this.stack.length > 1 && !this.current.fromDetails && this.current.level >= level) this.pop(pos.line - 1);
    this.push(text, level, pos, false);
  }

  openDetails(summary: string, pos: Position): void {
    // Unclosed <details> would nest without end (and heading paths grow quadratically): cap the depth.
    if (this.stack.length > MAX_DEPTH) return;
    this.push(summary || 'Details', this.current.level + 1, pos, true);
  }

  closeDetails(line: number): void {
    const at = this.stack.findLastIndex((s) => s.fromDetails);
    if (at < 1) return;
    while (this.stack.length > at) this.pop(line);
  }

  add(block: NewBlock): Block {
    // The caller's object becomes the block (no copy): parsing allocates enough already.
    const placed = block as Block;
    placed.section = this.current;
    this.current.blocks.push(placed);
    this.blocks.push(placed);
    return placed;
  }

  finish(lastLine: number): void {
    while (this.stack.length > 1) this.pop(lastLine);
    this.root.endLine = lastLine;
  }

  private push(title: string, level: number, pos: Position, fromDetails: boolean): void {
    const parent = this.current;
    const section = makeSection(title, level, pos, parent, fromDetails, this.sections.length);
    const heading: Heading = { kind: 'heading', level, text: title, line: pos.line, column: pos.column, section };
    section.heading = heading;
    parent.children.push(section);
    this.sections.push(section);
    this.blocks.push(heading);
    this.stack.push(section);
  }

  private pop(endLine: number): void {
    const section = this.stack.pop();
    if (section) section.endLine = Math.max(section.line, endLine);
  }
}

function makeSection(
  title: string,
  level: number,
  pos: Position,
  parent: Section | null,
  fromDetails: boolean,
  index: number,
): Section {
  const path = parent?.path ? `${parent.path} > ${title}` : title;
  return {
    title,
    level,
    path,
    line: pos.line,
    column: pos.column,
    endLine: pos.line,
    heading: null,
    fromDetails,
    parent,
    children: [],
    blocks: [],
    index,
  };
}
