// .docx → Markdown for Node callers (the documents import and the CLI gate). The zip guard's directory check runs
// here, on the caller's thread (it only reads the central directory); inflating, mammoth and our HTML → Markdown
// writer run in a pool worker (lib/docx-convert.ts) with a time and a heap limit, so a heavy document can stall
// neither the server nor the CLI. Every refusal is a DocxRefusedError; callers word it in their own error style.
import { assertDeclaredSafe, DocxRefusedError } from '@pi-studio/core/docx/zip-guard';
import type { DocxConversion } from './docx-convert.ts';
import { JobError } from './jobs/errors.ts';
import type { JobRunner } from './jobs/pool.ts';

const TOO_COMPLEX: Record<string, string> = {
  timeout: 'converting it ran past the time limit',
  out_of_memory: 'converting it needed more memory than allowed',
  crashed: 'converting it crashed the converter',
};

export async function docxToMarkdown(bytes: Uint8Array, jobs: JobRunner): Promise<string> {
  assertDeclaredSafe(bytes);
  let result: DocxConversion;
  try {
    result = await jobs.run('docx.toMarkdown', bytes);
  } catch (err) {
    if (err instanceof JobError && err.tooExpensive) {
      throw new DocxRefusedError('too_complex', TOO_COMPLEX[err.code] ?? 'it is too complex to convert');
    }
    throw err;
  }
  if (!result.ok) throw new DocxRefusedError(result.code, result.reason);
  return result.markdown;
}
