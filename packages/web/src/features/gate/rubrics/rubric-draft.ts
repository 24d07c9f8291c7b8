// Checks a rubric draft in the browser with the same validator the server uses, so most mistakes show while typing.
import { parseRubric } from '@pi-studio/core/gate/rubric';

/**
 * `definition` is set whenever the text is JSON, even when the rubric is invalid: the server is the authority
 * and answers with every problem by field, so a draft the browser doubts can still be sent.
 */
export type DraftCheck = { definition?: unknown; error: string | null };

export function checkRubricDraft(text: string): DraftCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parseRubric(value);
  return { definition: value, error: parsed.ok ? null : parsed.error };
}

/** The starting text of a new version: the base definition with the next version number. */
export function nextVersionDraft(definition: unknown, nextVersion: number): string {
  const base = definition && typeof definition === 'object' ? { ...(definition as Record<string, unknown>) } : {};
  return JSON.stringify({ ...base, version: nextVersion }, null, 2);
}
