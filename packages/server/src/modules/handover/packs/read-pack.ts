// An uploaded pack's bytes as text: the documents import reads them (strict UTF-8, no NUL, not empty, at most
// 5,000,000 characters; a .docx through the zip guard and the converter in the job pool, with its limits and
// refusals). Its refusals name the multipart field `file`; a pack is the request body itself, so they name `body`.
import { PACK_MEDIA_TYPES } from '@pi-studio/core/contract/handover';
import type { PackKind } from '@pi-studio/core/handover/types';
import type { JobRunner } from '../../../lib/jobs/pool.ts';
import { DomainError, UnsupportedType } from '../../../use-case/errors.ts';
import { MAX_UPLOAD_BYTES, readUpload } from '../../documents/import.ts';

export const MAX_PACK_BYTES = MAX_UPLOAD_BYTES;

const ACCEPTED: ReadonlyMap<string, 'text' | 'docx'> = new Map([
  [PACK_MEDIA_TYPES.markdown, 'text'],
  [PACK_MEDIA_TYPES.text, 'text'],
  [PACK_MEDIA_TYPES.docx, 'docx'],
]);

/** The upload's form from its declared media type; anything else is refused before the body is read. */
export function packFormat(mediaType: string | undefined): 'text' | 'docx' {
  const format = mediaType ? ACCEPTED.get(mediaType) : undefined;
  if (!format) {
    throw new UnsupportedType('unsupported_media_type', `send the pack as ${[...ACCEPTED.keys()].join(', ')}`, [
      { name: 'body', reason: `${mediaType ?? 'no Content-Type'} is not a pack format` },
    ]);
  }
  return format;
}

/** A base name without control characters, at most 255 characters; `<kind>.md` / `<kind>.docx` when none is given. */
export function packFileName(given: string | undefined, kind: PackKind, format: 'text' | 'docx'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const base = (given?.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || `${kind}.${format === 'docx' ? 'docx' : 'md'}`).slice(0, 255);
}

const asBody = (err: DomainError) =>
  new DomainError(
    err.kind,
    err.code,
    err.message,
    err.invalidParams.map((p) => (p.name === 'file' ? { ...p, name: 'body' } : p)),
    err.details,
  );

/**
 * The pack's text, line endings normalised. Text is read as a .txt file is (front matter is not a pack's concern),
 * a .docx as a .docx, whatever the file is called.
 */
export async function readPack(
  bytes: Uint8Array,
  format: 'text' | 'docx',
  fileName: string,
  jobs: JobRunner,
): Promise<string> {
  const stem = fileName.replace(/\.[^.]*$/, '') || 'pack';
  const file = {
    name: `${stem}.${format === 'docx' ? 'docx' : 'txt'}`,
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
  };
  try {
    return (await readUpload(file, jobs)).content.body;
  } catch (err) {
    throw err instanceof DomainError ? asBody(err) : err;
  }
}
