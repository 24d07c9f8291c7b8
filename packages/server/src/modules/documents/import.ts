// Reading an uploaded file into Markdown: .md/.markdown/.txt as strict UTF-8, .docx through the zip guard and
// mammoth in the job pool (lib/docx.ts). Every refusal is a 4xx naming the `file` field; a busy pool is a 503.
import type { UploadedFile } from '@pi-studio/core/contract/documents';
import { firstHeading } from '@pi-studio/core/documents/body';
import { DocxRefusedError } from '@pi-studio/core/docx/zip-guard';
import { frontMatterTitle } from '@pi-studio/core/markdown/front-matter';
import { docxToMarkdown } from '../../lib/docx.ts';
import type { JobRunner } from '../../lib/jobs/pool.ts';
import { jobProblem } from '../../lib/jobs/problems.ts';
import { badRequest, type DomainError, Invalid, TooLarge, UnsupportedType } from '../../use-case/errors.ts';
import { type PreparedContent, prepareContent } from './content.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = new Set(['md', 'markdown', 'txt']);

export type ImportedFile = { sourceFile: string; content: PreparedContent; title: string | null };

/** Keeps only the base name, without control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'upload';
}

const nameWithoutExtension = (name: string) => name.replace(/\.[^.]+$/, '').trim() || null;

/**
 * The .docx refusal naming `file`: 400 `zip_bomb` for a suspected bomb, 413 `document_too_large` for more XML
 * than a document within the body limit needs (the same answer as a too-long body), 422 `docx_too_complex` when
 * the conversion ran past its time or memory limit, 400 `not_a_docx` for anything else.
 */
function docxProblem({ code, reason }: DocxRefusedError): DomainError {
  const file = [{ name: 'file', reason }];
  switch (code) {
    case 'zip_bomb':
      return badRequest('zip_bomb', `the .docx was refused as a possible zip bomb: ${reason}`, file);
    case 'too_large':
      return new TooLarge('document_too_large', `the .docx is too large to import: ${reason}`, file);
    case 'too_complex':
      return new Invalid(file, 'docx_too_complex', `the .docx is too complex to import: ${reason}`);
    default:
      return badRequest('not_a_docx', `the file is not a readable .docx: ${reason}`, file);
  }
}

async function readDocx(bytes: Uint8Array, jobs: JobRunner): Promise<string> {
  try {
    return await docxToMarkdown(bytes, jobs);
  } catch (err) {
    if (err instanceof DocxRefusedError) throw docxProblem(err);
    throw jobProblem(err, { code: 'docx_too_complex', field: 'file', what: 'the .docx' });
  }
}

export async function readUpload(file: UploadedFile, jobs: JobRunner): Promise<ImportedFile> {
  const sourceFile = cleanFileName(file.name);
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new TooLarge('file_too_large', `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB`, [
      { name: 'file', reason: 'larger than 10 MB' },
    ]);
  }
  const ext = /\.([^.]+)$/.exec(sourceFile)?.[1]?.toLowerCase() ?? '';
  if (!TEXT_TYPES.has(ext) && ext !== 'docx') {
    throw new UnsupportedType(
      'unsupported_file_type',
      `cannot import .${ext || '(no extension)'} files; use .md, .markdown, .txt or .docx`,
      [{ name: 'file', reason: 'must be .md, .markdown, .txt or .docx' }],
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  if (ext === 'docx') {
    text = await readDocx(bytes, jobs);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw badRequest('invalid_utf8', `${sourceFile} is not valid UTF-8 text; save it as UTF-8 and try again`, [
        { name: 'file', reason: 'not valid UTF-8' },
      ]);
    }
    if (text.includes('\u0000')) {
      throw badRequest('invalid_text', `${sourceFile} contains NUL bytes: it looks like a binary file, not text`, [
        { name: 'file', reason: 'contains NUL bytes' },
      ]);
    }
  }
  if (text.trim() === '')
    throw badRequest('empty_file', `${sourceFile} has no text to import`, [{ name: 'file', reason: 'empty' }]);
  // Front matter is a Markdown convention; a .txt file's leading dashes are just text.
  const content =
    ext === 'txt' ? prepareContent(text, 'file', { lenientFrontMatter: true }) : prepareContent(text, 'file');
  if (ext === 'txt') content.metadata = {};
  const title = frontMatterTitle(content.metadata) ?? firstHeading(content.body) ?? nameWithoutExtension(sourceFile);
  return { sourceFile, content, title: title?.slice(0, 200) ?? null };
}
