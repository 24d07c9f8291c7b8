// The document model the gate (and later the story extractor) reads: one pass over markdown-it tokens turns a
// Markdown or wiki-export document into sections and typed blocks, each with its 1-based line and column.

export type Position = { line: number; column: number };

/** A run of source text; `text` may span several lines (continuation lines keep their source order). */
export type Span = Position & { text: string };

export type Paragraph = Span & { kind: 'paragraph'; section: Section; endLine: number; quoted: boolean };

export type Heading = Span & { kind: 'heading'; section: Section; level: number };

export type ListItem = Span & {
  ordered: boolean;
  /** The number an ordered item starts with ("3." → 3); null for bullets. */
  number: number | null;
  /** `- [ ]` → 'open', `- [x]` → 'done'. */
  task: 'open' | 'done' | null;
  depth: number;
  parent: ListItem | null;
  children: ListItem[];
};

export type ListBlock = Position & {
  kind: 'list';
  section: Section;
  endLine: number;
  ordered: boolean;
  /** Every item of the list, nested ones included, in document order. */
  items: ListItem[];
};

export type TableCell = Span;

export type TableBlock = Position & {
  kind: 'table';
  section: Section;
  endLine: number;
  source: 'markdown' | 'html';
  header: TableCell[];
  /** Body rows; each row keeps its own line. */
  rows: TableRow[];
};

export type TableRow = Position & { cells: TableCell[] };

export type CodeBlock = Span & { kind: 'code'; section: Section; endLine: number; lang: string };

export type Block = Paragraph | Heading | ListBlock | TableBlock | CodeBlock;

export type Section = Position & {
  /** Heading text without markup; '' for the text before the first heading. */
  title: string;
  /** 0 for the root, 1–6 for headings, deeper for `<details>` summaries nested below a heading. */
  level: number;
  /** "Title > Requirements > Functional" — how findings name where they are. */
  path: string;
  endLine: number;
  heading: Heading | null;
  /** True when the section comes from a `<details><summary>` block of a wiki export. */
  fromDetails: boolean;
  parent: Section | null;
  children: Section[];
  blocks: Block[];
  /** Position in document order; the root is 0. */
  index: number;
};

export type MetadataEntry = Span & {
  /** Lower-cased key as written ("owner (po)", "last updated"). */
  key: string;
  value: string;
  source: 'front-matter' | 'table' | 'line';
};

export type FrontMatter = {
  line: number;
  endLine: number;
  data: Record<string, unknown> | null;
  error: string | null;
};

export type DocModel = {
  /** Source lines after newline normalisation; `lines[n - 1]` is line n. */
  lines: string[];
  root: Section;
  /** All sections in document order, the root first. */
  sections: Section[];
  /** All blocks in document order. */
  blocks: Block[];
  frontMatter: FrontMatter | null;
  metadata: MetadataEntry[];
};
