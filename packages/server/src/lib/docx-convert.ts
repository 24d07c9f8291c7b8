// The .docx conversion itself, run in a pool worker (job `docx.toMarkdown`, lib/jobs/registry.ts): the full zip
// guard (every entry inflated with a byte counter), then mammoth, then our HTML → Markdown writer. A refusal is
// returned as data, not thrown: errors lose their class on the way back from a worker.
import { htmlToMarkdown } from '@pi-studio/core/docx/html-to-markdown';
import { assertSafeDocx, type DocxRefusalCode, DocxRefusedError } from '@pi-studio/core/docx/zip-guard';
import mammoth from 'mammoth';

export type DocxConversion = { ok: true; markdown: string } | { ok: false; code: DocxRefusalCode; reason: string };

export async function convertDocx(bytes: Uint8Array): Promise<DocxConversion> {
  try {
    assertSafeDocx(bytes);
  } catch (err) {
    if (err instanceof DocxRefusedError) return { ok: false, code: err.code, reason: err.reason };
    throw err;
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Images are not carried into Markdown (no data: URIs bloating the body); their alt text is.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return { ok: true, markdown: htmlToMarkdown(result.value) };
  } catch (err) {
    // mammoth's messages can run to several lines; the first one says what is wrong.
    const reason = String((err as Error).message).split('\n')[0] || 'unreadable document';
    return { ok: false, code: 'unreadable', reason };
  }
}
