// Requirements as picker options: the id as value, "FR-1 — its text" shown (cut short), still-current ones first.
import type { Requirement } from './api.ts';

const MAX = 90;

export function requirementOptions(items: readonly Pick<Requirement, 'id' | 'key' | 'text' | 'removedIn'>[]) {
  const shorten = (t: string) => (t.length > MAX ? `${t.slice(0, MAX - 1).trimEnd()}…` : t);
  return [...items]
    .sort((a, b) => Number(a.removedIn !== null) - Number(b.removedIn !== null))
    .map((r) => ({
      value: r.id,
      label: `${r.key} — ${shorten(r.text)}${r.removedIn ? ' (removed from the PRD)' : ''}`,
    }));
}
