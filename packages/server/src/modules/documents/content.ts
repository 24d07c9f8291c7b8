// Turning submitted Markdown into what a version stores: normalised body, front-matter metadata, hash.
import { createHash } from 'node:crypto';
import { hostileTextReason } from '@pi-studio/core/contract/text';
import { MAX_BODY_CHARS, normalizeBody } from '@pi-studio/core/documents/body';
import { parseFrontMatter } from '@pi-studio/core/markdown/front-matter';
import { PreconditionRequired, TooLarge, validationFailed } from '../../use-case/errors.ts';

export type PreparedContent = { body: string; metadata: Record<string, unknown>; contentHash: string };

export const contentHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/**
 * The body is stored as written (front matter included, so an export round-trips); the front matter is
 * also parsed into metadata. `field` names the input in errors (`body` for JSON, `file` for uploads).
 */
export function prepareContent(
  raw: string,
  field: string,
  opts: { lenientFrontMatter?: boolean } = {},
): PreparedContent {
  const body = normalizeBody(raw);
  if (body.length > MAX_BODY_CHARS) {
    throw new TooLarge('document_too_large', `the document exceeds ${MAX_BODY_CHARS.toLocaleString('en')} characters`, [
      { name: field, reason: `at most ${MAX_BODY_CHARS.toLocaleString('en')} characters` },
    ]);
  }
  // JSON fields were checked at the door; converted uploads (.docx) and rendered templates are checked here.
  const unstorable = hostileTextReason(body);
  if (unstorable) throw validationFailed([{ name: field, reason: unstorable }]);
  const fm = parseFrontMatter(body);
  if (!fm.ok) {
    // Template output is the administrator's text, not the author's: never block creating a document on it.
    if (opts.lenientFrontMatter) return { body, metadata: {}, contentHash: contentHash(body) };
    throw validationFailed([{ name: field, reason: fm.error }]);
  }
  return { body, metadata: fm.metadata, contentHash: contentHash(body) };
}

/** `If-Match: "3"` (also W/"3" or a bare 3) → 3. Missing or unreadable → 428: edits must say what they are based on. */
export function expectedRevision(header: string | undefined): number {
  const m = header ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header) : null;
  if (!m?.[1]) {
    throw new PreconditionRequired(
      'precondition_required',
      header
        ? 'If-Match must be the document ETag, e.g. If-Match: "3"'
        : 'send If-Match with the document ETag (its revision, e.g. "3") so a concurrent edit cannot be overwritten',
      [{ name: 'If-Match', reason: header ? 'not a document ETag' : 'required' }],
    );
  }
  return Number(m[1]);
}

export const etag = (revision: number) => `"${revision}"`;
