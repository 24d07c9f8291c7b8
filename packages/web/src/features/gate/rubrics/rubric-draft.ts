// Checks a rubric draft in the browser with the same validator the server uses, so most mistakes show while typing.
import { parseRubric } from '@pi-studio/core/gate/rubric';

export type DraftCheck = { ok: true; definition: unknown } | { ok: false; error: string };

export function checkRubricDraft(text: string): DraftCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parseRubric(value);
  return parsed.ok ? { ok: true, definition: value } : { ok: false, error: parsed.error };
}

/** The starting text of a new version: the base definition with the next version number. */
export function nextVersionDraft(definition: unknown, nextVersion: number): string {
  const base = definition && typeof definition === 'object' ? { ...(definition as Record<string, unknown>) } : {};
  return JSON.stringify({ ...base, version: nextVersion }, null, 2);
}
