// Rendering the package's Markdown to PDF and DOCX is CPU work (a package with long artifacts: hundreds of
// milliseconds), so it runs in the job pool (`handover.renderPackage`), never on the event loop.
import { markdownToDocx } from '../../../../lib/markdown-docx.ts';
import { markdownToPdf } from '../../../../lib/markdown-pdf.ts';

export type RenderInput = { markdown: string; title: string; subject: string; formats: readonly ('pdf' | 'docx')[] };
export type Rendered = { pdf: Uint8Array | null; docx: Uint8Array | null };

export async function renderPackageJob({ markdown, title, subject, formats }: RenderInput): Promise<Rendered> {
  const meta = { title, subject };
  const [pdf, docx] = await Promise.all([
    formats.includes('pdf') ? markdownToPdf(markdown, meta) : null,
    formats.includes('docx') ? markdownToDocx(markdown, meta) : null,
  ]);
  return { pdf, docx };
}
