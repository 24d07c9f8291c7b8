// Finds the files to gate and reads them as text, refusing what the gate cannot read honestly: binary files,
// invalid UTF-8, files over 10 MB, empty files, unsafe .docx archives.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type DocxRefusalCode, DocxRefusedError, looksLikeZip } from '@pi-studio/core/docx/zip-guard';
import { docxToMarkdown } from '@pi-studio/server/lib/docx';
import type { JobRunner } from '@pi-studio/server/lib/jobs/pool';
import { GateInputError } from './errors.ts';

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files named on the command line plus every supported file under named directories, sorted, deduplicated. */
export async function collectFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
      throw new GateInputError(
        `cannot read ${input}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}`,
      );
    });
    if (info.isDirectory()) {
      const found = await walk(input);
      if (found.length === 0) throw new GateInputError(`no .md, .markdown, .txt or .docx files in ${input}`);
      for (const file of found) add(file);
    } else if (supported(input)) add(input);
    else throw new GateInputError(`${input}: unsupported file type (expected .md, .markdown, .txt or .docx)`);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: Error) => {
    throw new GateInputError(`cannot read directory ${dir}: ${err.message}`);
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symlinked directories are not followed: a link cycle must not hang CI.
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.'))
      out.push(...(await walk(full)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && supported(entry.name) && (await isFile(full)))
      out.push(full);
  }
  return out;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function supported(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || ext === '.docx';
}

/**
 * The file's text (Markdown for .docx, converted in a worker of `jobs` with its time and memory limits), or a
 * GateInputError naming what is wrong with it.
 */
export async function readInput(file: string, jobs: JobRunner): Promise<string> {
  const unreadable = (err: Error): never => {
    throw new GateInputError(`cannot read ${file}: ${err.message}`);
  };
  const info = await stat(file).catch(unreadable);
  if (info.size > MAX_INPUT_BYTES) {
    throw new GateInputError(`${file} is ${(info.size / 1024 / 1024).toFixed(1)} MB; the gate reads files up to 10 MB`);
  }
  const data = new Uint8Array(await readFile(file).catch(unreadable));
  if (data.length === 0) throw new GateInputError(`${file} is empty`);
  if (path.extname(file).toLowerCase() === '.docx') return docxText(data, file, jobs);
  const text = decodeText(data, file);
  if (text.trim() === '') throw new GateInputError(`${file} is empty (only whitespace)`);
  return text;
}

export function decodeText(data: Uint8Array, file: string): string {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new GateInputError(`${file} is UTF-16 text; save it as UTF-8`);
  }
  // NUL bytes never occur in text; a zip signature is named so the message is useful.
  if (data.subarray(0, 8192).includes(0)) throw new GateInputError(`${file} is a binary file, not text`);
  if (looksLikeZip(data)) {
    throw new GateInputError(`${file} is a zip archive (a .docx must have the .docx extension)`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new GateInputError(`${file} is not valid UTF-8 text`);
  }
}

const DOCX_REFUSAL: Record<DocxRefusalCode, (file: string, reason: string) => string> = {
  not_zip: (file, reason) => `${file} is not a .docx file (${reason})`,
  not_word: (file, reason) => `${file} is not a Word document (${reason})`,
  unreadable: (file, reason) => `${file} is not a readable .docx (${reason})`,
  zip_bomb: (file, reason) => `${file} looks like a zip bomb (${reason}); refusing to open it`,
  too_large: (file, reason) => `${file} is too large to convert (${reason})`,
  too_complex: (file, reason) => `${file} is too complex to convert (${reason})`,
};

async function docxText(data: Uint8Array, file: string, jobs: JobRunner): Promise<string> {
  const markdown = await docxToMarkdown(data, jobs).catch((err: unknown) => {
    if (err instanceof DocxRefusedError) throw new GateInputError(DOCX_REFUSAL[err.code](file, err.reason));
    throw err;
  });
  if (markdown.trim() === '') throw new GateInputError(`${file} is empty (no text in the document)`);
  return markdown;
}
