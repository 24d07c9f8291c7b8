// Markdown to PDF with pdfkit (ADR 0019), from core's printable blocks (core/markdown/blocks.ts), the same reading
// the DOCX export uses. Standard fonts only (lib/pdf-text.ts: Windows-1252; other characters print as "?", the
// Markdown and DOCX keep them). Tables are drawn as ruled grids with wrapped cells, a page break repeating nothing.
import { type Block, markdownBlocks, type Run } from '@pi-studio/core/markdown/blocks';
import PDFDocument from 'pdfkit';
import { winAnsi } from './pdf-text.ts';

type Doc = InstanceType<typeof PDFDocument>;

const HEADING_SIZES = [0, 18, 15, 13, 11.5, 10.5, 10];
const BODY = 10;
const MARGIN = 50;

function fontOf(run: Run): string {
  if (run.code) return 'Courier';
  if (run.bold && run.italic) return 'Helvetica-BoldOblique';
  if (run.bold) return 'Helvetica-Bold';
  if (run.italic) return 'Helvetica-Oblique';
  return 'Helvetica';
}

function drawRuns(doc: Doc, runs: readonly Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  if (runs.length === 0) {
    doc.moveDown(0.5);
    return;
  }
  runs.forEach((run, i) => {
    doc.font(fontOf(run)).text(winAnsi(run.text), { ...options, continued: i < runs.length - 1 });
  });
  doc.font('Helvetica');
}

function drawTable(doc: Doc, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const columns = Math.max(1, header.length);
  const width = doc.page.width - 2 * MARGIN;
  // Each column as wide as its longest cell wants, between 5 and 45 characters' worth: ids stay narrow.
  const wants = Array.from({ length: columns }, (_, i) =>
    Math.min(45, Math.max(5, ...[header, ...rows].map((r) => (r[i] ?? '').length))),
  );
  const total = wants.reduce((a, b) => a + b, 0);
  const widths = wants.map((w) => (width * w) / total);
  const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const texts = Array.from({ length: columns }, (_, i) => winAnsi(cells[i] ?? ''));
    const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? 0) - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    texts.forEach((t, i) => {
      doc.text(t, (lefts[i] ?? MARGIN) + 3, top + 3, { width: (widths[i] ?? 0) - 6 });
    });
    doc.rect(MARGIN, top, width, height).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.font('Helvetica').fontSize(BODY).moveDown(0.6);
}

function drawBlock(doc: Doc, block: Block): void {
  doc.x = MARGIN;
  switch (block.type) {
    case 'heading':
      // A heading never ends a page: start the next one when less than a few lines are left.
      if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
      doc
        .moveDown(block.level <= 2 ? 0.8 : 0.5)
        .fontSize(HEADING_SIZES[block.level] ?? BODY)
        .font('Helvetica-Bold')
        .text(winAnsi(block.runs.map((r) => r.text).join('')))
        .fontSize(BODY)
        .font('Helvetica')
        .moveDown(0.2);
      break;
    case 'paragraph':
      drawRuns(doc, block.runs);
      doc.moveDown(0.4);
      break;
    case 'item': {
      const indent = 14 * (block.depth + 1);
      const marker = block.marker ? `${block.marker} ` : '';
      drawRuns(doc, [{ text: marker }, ...block.runs], { indent });
      doc.moveDown(0.15);
      break;
    }
    case 'table':
      drawTable(doc, block.header, block.rows);
      break;
    case 'code':
      doc
        .font('Courier')
        .fontSize(8.5)
        .text(winAnsi(block.text.replace(/\t/g, '  ')), { indent: 10 });
      doc.font('Helvetica').fontSize(BODY).moveDown(0.4);
      break;
    case 'rule':
      doc
        .moveDown(0.3)
        .moveTo(MARGIN, doc.y)
        .lineTo(doc.page.width - MARGIN, doc.y)
        .strokeColor('#999999')
        .stroke()
        .moveDown(0.5);
      break;
  }
}

/** A PDF of `markdown`; `title` goes into the document's metadata. */
export function markdownToPdf(markdown: string, meta: { title: string; subject?: string }): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: winAnsi(meta.title), ...(meta.subject ? { Subject: winAnsi(meta.subject) } : {}) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(BODY);
  for (const block of markdownBlocks(markdown)) drawBlock(doc, block);
  doc.end();
  return done;
}
