// The story checks as the editor shows them: rule ids in words (core's STORY_RULES), worst first, by the field they
// concern. The browser runs `checkStory` on every change; the server's answer after a save replaces it. Pure.
import { STORY_RULES } from '@pi-studio/core/stories/checks';
import type { StoryFinding } from './api.ts';

const ORDER: Record<StoryFinding['severity'], number> = { blocker: 0, major: 1, minor: 2, info: 3 };

/** `story.no-benefit` → 'The story says no benefit ("so that …")'; an unknown rule stays as it is. */
export const storyRuleLabel = (rule: string): string => STORY_RULES[rule] ?? rule;

export const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  narrative: 'Narrative',
  acceptance: 'Acceptance criteria',
  requirements: 'Linked requirements',
};

/** Worst first, then by field and position, so the list reads the same on every render. */
export function sortFindings<F extends Pick<StoryFinding, 'severity' | 'section' | 'line' | 'column'>>(
  findings: readonly F[],
): F[] {
  const fieldOrder = Object.keys(FIELD_LABEL);
  const rank = (section: string) => {
    const i = fieldOrder.indexOf(section);
    return i === -1 ? fieldOrder.length : i;
  };
  return [...findings].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      rank(a.section) - rank(b.section) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** "2 major, 1 minor"; "No problems found" when there are none. */
export function findingsSummary(findings: readonly Pick<StoryFinding, 'severity'>[]): string {
  if (findings.length === 0) return 'No problems found';
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return (Object.keys(ORDER) as StoryFinding['severity'][])
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}
