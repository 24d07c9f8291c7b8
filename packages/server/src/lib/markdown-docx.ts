// Markdown to a Word document with the `docx` library (ADR 0027), from core's printable blocks — the same reading the
// PDF export uses. Unlike the PDF, every character is kept (Word has the fonts).
import { type Block, markdownBlocks, type Run } from '@pi-studio/core/markdown/blocks';
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// XML 1.0 cannot hold C0 controls other than tab, line feed and carriage return; a lone surrogate is not text.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing the characters XML cannot hold is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlText = (text: string) => text.replace(NOT_XML, '\ufffd');

const runOf = (r: Run) =>
  new TextRun({
    text: xmlText(r.text),
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.code ? { font: 'Consolas' } : {}),
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const columns = Math.max(1, header.length);
  const row = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: Array.from(
        { length: columns },
        (_, i) =>
          new TableCell({
            borders: { top: border, bottom: border, left: border, right: border },
            children: [new Paragraph({ children: [new TextRun({ text: xmlText(cells[i] ?? ''), bold, size: 18 })] })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

function children(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({ heading: HEADINGS[block.level] ?? HeadingLevel.HEADING_6, children: block.runs.map(runOf) }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: block.runs.map(runOf) })];
    case 'item':
      return [
        new Paragraph({
          indent: { left: 360 * (block.depth + 1), hanging: 240 },
          children: [new TextRun(block.marker ? `${block.marker}\t` : ''), ...block.runs.map(runOf)],
        }),
      ];
    case 'table':
      return [table(block.header, block.rows), new Paragraph({})];
    case 'code':
      return block.text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: xmlText(line), font: 'Consolas', size: 18 })] }));
    case 'rule':
      return [new Paragraph({ border: { bottom: border }, children: [] })];
  }
}

/** A .docx of `markdown`; `title` goes into the document's properties. */
export async function markdownToDocx(markdown: string, meta: { title: string; subject?: string }): Promise<Uint8Array> {
  const doc = new Document({
    title: xmlText(meta.title),
    ...(meta.subject ? { subject: xmlText(meta.subject) } : {}),
    creator: 'PI Studio',
    sections: [{ children: markdownBlocks(markdown).flatMap(children) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
