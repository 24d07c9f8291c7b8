// Shared Zod pieces for paged lists. A cursor or limit from the query string is range-checked here, so a value the
// database cannot take (a bigint past 2^63, a key with NUL in it) is a 422 naming the parameter, never a 500.
import { z } from 'zod';
import { hostileTextReason } from './hostile-text.ts';

/** `limit`: an integer in 1..max (rejects 1e308, -0, NaN and friends), `dflt` when absent. */
export const zLimit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

const CURSOR_HINT = 'use the nextCursor of the previous page';

/**
 * A cursor that is a serial id (the last id of the previous page). Stays within the integers JavaScript holds exactly,
 * which is also within PostgreSQL's bigint.
 */
export const zSerialCursor = () =>
  z
    .string()
    .regex(/^\d{1,16}$/, CURSOR_HINT)
    .refine((s) => Number(s) <= Number.MAX_SAFE_INTEGER, CURSOR_HINT);

/** An opaque cursor: base64url of a sort key that must decode to storable UTF-8 text. */
export const zKeyCursor = () =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/, CURSOR_HINT)
    .refine((s) => {
      const bytes = Buffer.from(s, 'base64url');
      try {
        return hostileTextReason(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) === undefined;
      } catch {
        return false;
      }
    }, CURSOR_HINT);
