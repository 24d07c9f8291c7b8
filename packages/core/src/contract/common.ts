// Pieces every module's contract shares: paging parameters, list envelopes and the problem document. The contract
// (request and response schemas) lives in core so that the server validates with it and the web and the CLI take
// their types from it: one declaration per shape (ADR 0010).
import { z } from 'zod';
import { hostileTextReason } from './text.ts';

/** `limit`: an integer in 1..max (rejects 1e308, -0, NaN and friends), `dflt` when absent. */
export const zLimit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

const CURSOR_HINT = 'use the nextCursor of the previous page';

/**
 * A cursor that is a serial id (the last id of the previous page). Stays within the integers JavaScript holds exactly,
 * which is also within PostgreSQL's bigint, so a value the database cannot take is a 422 naming it, never a 500.
 */
export const zSerialCursor = () =>
  z
    .string()
    .regex(/^\d{1,16}$/, CURSOR_HINT)
    .refine((s) => Number(s) <= Number.MAX_SAFE_INTEGER, CURSOR_HINT);

function decodeBase64Url(s: string): Uint8Array | undefined {
  try {
    const bin = atob(
      s
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(s.length / 4) * 4, '='),
    );
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** An opaque cursor: base64url of a sort key that must decode to storable UTF-8 text. */
export const zKeyCursor = () =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/, CURSOR_HINT)
    .refine((s) => {
      const bytes = decodeBase64Url(s);
      if (!bytes) return false;
      try {
        return hostileTextReason(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) === undefined;
      } catch {
        return false;
      }
    }, CURSOR_HINT);

/** `{ items: [...] }`: every list the API answers. */
export const zItems = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** `{ items: [...], nextCursor }`: a paged list; `nextCursor` is null on the last page. */
export const zPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });

/** An ISO-8601 timestamp as the API writes it (`Date.toISOString()`). */
export const zTimestamp = () => z.iso.datetime();

/** A person as the API names one (authors, owners, deciders); null when the account is gone or none was set. */
export const ZPerson = z.strictObject({ id: z.uuid(), name: z.string(), email: z.string() });
export type Person = z.infer<typeof ZPerson>;
export const zPersonOrNull = () => ZPerson.nullable();

/** `/:id` path parameters: a record's uuid. */
export const ZIdParams = z.strictObject({ id: z.uuid() });

export const ZInvalidParam = z.strictObject({ name: z.string(), reason: z.string() });
export type InvalidParam = z.infer<typeof ZInvalidParam>;

/**
 * RFC 9457 problem details, as every error is answered (`application/problem+json`). Some problems carry members of
 * their own (a stale edit carries `current`), so unknown members are allowed here.
 */
export const ZProblem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  invalid_params: z.array(ZInvalidParam).optional(),
});
export type Problem = z.infer<typeof ZProblem>;
