import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { DocxRefusedError } from '@pi-studio/core/docx/zip-guard';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToMarkdown } from './docx.ts';
import { createJobPool } from './jobs/pool.ts';

const jobs = createJobPool({ maxThreads: 1 });
afterAll(() => jobs.close());

describe('docxToMarkdown', () => {
  it('turns a Word document into Markdown', async () => {
    const docx = buildDocx([
      { heading: 1, text: 'Payouts PRD' },
      { text: 'Merchants wait 3.2 days; ', bold: 'that costs churn.' },
      { table: [['Id'], ['FR-1']] },
    ]);
    expect(await docxToMarkdown(docx, jobs)).toBe(
      '# Payouts PRD\n\nMerchants wait 3.2 days; **that costs churn.**\n\n| Id |\n| --- |\n| FR-1 |\n',
    );
  });

  it('refuses unsafe archives before mammoth sees them', async () => {
    const bomb = buildDocx([{ text: 'x' }], { 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) });
    await expect(docxToMarkdown(bomb, jobs)).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('reports a document mammoth cannot read as unreadable, with the first line of its message', async () => {
    const broken = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:doc><oops'),
    });
    const refused = await docxToMarkdown(broken, jobs).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DocxRefusedError);
    expect(refused).toMatchObject({ code: 'unreadable' });
    expect((refused as DocxRefusedError).reason).not.toContain('\n');
  });
});
