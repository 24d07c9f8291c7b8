import type { Person } from '../features/workspace/api.ts';

/** Some summaries carry the author as a plain name; accept both shapes. */
export type PersonRef = Person | string | null | undefined;

export const personName = (p: PersonRef, fallback = 'Unknown'): string =>
  typeof p === 'string' ? p || fallback : (p?.name ?? fallback);
