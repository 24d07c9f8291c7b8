// .docx → Markdown for Node callers (the documents import and the CLI gate): the zip guard first, then mammoth,
// then our HTML → Markdown writer. Lives server-side because mammoth's Node build reads a Buffer; the guard and the
// writer are pure and sit in core. Every refusal is a DocxRefusedError; callers word it in their own error style.

import { htmlToMarkdown } from '@pi-studio/core/docx/html-to-markdown';
import { assertSafeDocx, DocxRefusedError } from '@pi-studio/core/docx/zip-guard';
import mammoth from 'mammoth';

export async function docxToMarkdown(bytes: Uint8Array): Promise<string> {
  assertSafeDocx(bytes);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Images are not carried into Markdown (no data: URIs bloating the body); their alt text is.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return htmlToMarkdown(result.value);
  } catch (err) {
    // mammoth's messages can run to several lines; the first one says what is wrong.
    throw new DocxRefusedError('unreadable', String((err as Error).message).split('\n')[0] || 'unreadable document');
  }
}
