// The export renderers on hostile Markdown: every character the PDF's fonts or XML cannot hold, deep nesting, wide
// tables and long words still give a well-formed file; the DOCX keeps what Word can show.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { markdownToDocx } from './markdown-docx.ts';
import { markdownToPdf } from './markdown-pdf.ts';

const HOSTILE = [
  '# Title with NUL \u0000 and a lone \ud800 surrogate',
  '',
  `${'> '.repeat(200)}deep quote`,
  '',
  `| ${Array.from({ length: 40 }, (_, i) => `c${i}`).join(' | ')} |`,
  `|${'---|'.repeat(40)}`,
  `| ${Array.from({ length: 40 }, () => 'x'.repeat(300)).join(' | ')} |`,
  '',
  `${'- '.repeat(30)}nested item`,
  '',
  `word${'w'.repeat(5000)}`,
  '',
  'Arabic مرحبا, CJK 账本, emoji 🚀, ≥ 1 → done',
].join('\n');

const meta = { title: 'Hostile \u0000 title', subject: 'x' };

describe('markdown renderers', () => {
  it('draw a well-formed PDF from hostile Markdown', async () => {
    const pdf = await markdownToPdf(HOSTILE, meta);
    expect(strFromU8(pdf.slice(0, 5))).toBe('%PDF-');
    expect(strFromU8(pdf.slice(-8))).toContain('%%EOF');
  });

  it('write a well-formed DOCX that keeps every character Word can show', async () => {
    const docx = await markdownToDocx(HOSTILE, meta);
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('مرحبا');
    expect(xml).toContain('账本');
    expect(xml).toContain('🚀');
    expect(xml).toContain('≥ 1 → done');
    expect(xml).not.toContain('\u0000');
    expect(xml).toContain('\ufffd');
  });

  it('render an empty document', async () => {
    expect(strFromU8((await markdownToPdf('', meta)).slice(0, 5))).toBe('%PDF-');
    expect(Object.keys(unzipSync(await markdownToDocx('', meta)))).toContain('word/document.xml');
  });
});
