// Text units: every piece of prose the checks read (paragraph, list item, table cell, code block, heading), in
// document order, each knowing its section. Built once per document and shared by all checks.
import type { Block, DocModel, ListItem, Section, TableBlock, TableRow } from '../../markdown/model.ts';

export type UnitKind = 'paragraph' | 'item' | 'cell' | 'code' | 'heading';

export type TextUnit = {
  kind: UnitKind;
  text: string;
  line: number;
  column: number;
  section: Section;
  block: Block;
  item: ListItem | null;
  row: TableRow | null;
  /** Column index for cells; -1 otherwise. */
  cell: number;
  /** Table header cells are scaffolding, not content. */
  header: boolean;
  quoted: boolean;
  lang: string;
  order: number;
};

export function buildUnits(doc: DocModel): TextUnit[] {
  const units: TextUnit[] = [];
  // One constructor call per unit keeps every unit the same shape (spreads made this the gate's hot spot).
  const add = (kind: UnitKind, block: Block, text: string, line: number, column: number) => {
    const unit: TextUnit = {
      kind,
      text,
      line,
      column,
      section: block.section,
      block,
      item: null,
      row: null,
      cell: -1,
      header: false,
      quoted: false,
      lang: '',
      order: units.length,
    };
    units.push(unit);
    return unit;
  };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') add('heading', block, block.text, block.line, block.column);
    else if (block.kind === 'paragraph')
      add('paragraph', block, block.text, block.line, block.column).quoted = block.quoted;
    else if (block.kind === 'code') add('code', block, block.text, block.line, block.column).lang = block.lang;
    else if (block.kind === 'list') {
      for (const item of block.items) add('item', block, item.text, item.line, item.column).item = item;
    } else addTable(block, add);
  }
  return units;
}

function addTable(
  table: TableBlock,
  add: (kind: UnitKind, block: Block, text: string, line: number, column: number) => TextUnit,
): void {
  table.header.forEach((cell, i) => {
    const unit = add('cell', table, cell.text, cell.line, cell.column);
    unit.cell = i;
    unit.header = true;
  });
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      const unit = add('cell', table, cell.text, cell.line, cell.column);
      unit.cell = i;
      unit.row = row;
    });
  }
}

/** Pre-order index of the last section inside each section's subtree: its deep content is a contiguous range. */
export function subtreeEnds(sections: readonly Section[]): number[] {
  const ends = sections.map((s) => s.index);
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i] as Section;
    const last = s.children[s.children.length - 1];
    if (last) ends[i] = ends[last.index] as number;
  }
  return ends;
}

/** Header text of a table column, lower-cased, for column-role detection. */
export function headerTexts(table: TableBlock): string[] {
  return table.header.map((c) => c.text.toLowerCase().replace(/[*_`]/g, '').trim());
}
