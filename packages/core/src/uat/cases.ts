// Test cases from a story's acceptance criteria (issue #13): each Gherkin Scenario becomes a case whose steps are its
// Given/When/Then/And/But lines (a Background's steps come first, as Gherkin runs them); criteria with steps but no
// Scenario header give one case titled after the story; criteria with no steps give none, with the reason. Uses the
// story checks' reader (stories/gherkin.ts), so a case and the gate see the same Gherkin.
import { parseGherkin } from '../stories/gherkin.ts';

export type CaseStep = { keyword: string; text: string };

/** One case to create; its title (story title and scenario) tells it apart within the story's revision. */
export type CaseDraft = { scenario: string; title: string; steps: CaseStep[] };

export type StoryCases = { cases: CaseDraft[]; skipped: string | null };

const STEP_LINE = /^\s*(Given|When|Then|And|But|\*)(?=\s|$)\s*(.*)$/i;
const KEYWORDS = ['Given', 'When', 'Then', 'And', 'But', '*'] as const;

const canonical = (word: string) => KEYWORDS.find((k) => k.toLowerCase() === word.toLowerCase()) ?? '*';

/** Steps written without any header: every step line, in order. */
function looseSteps(acceptance: string): CaseStep[] {
  const steps: CaseStep[] = [];
  for (const line of acceptance.split(/\r\n|\r|\n/)) {
    const m = STEP_LINE.exec(line);
    const text = m?.[2]?.trim();
    if (m && text) steps.push({ keyword: canonical(m[1] as string), text });
  }
  return steps;
}

export function casesFromStory(story: { title: string; acceptance: string }): StoryCases {
  const doc = parseGherkin(story.acceptance);
  const background = (doc.background?.steps ?? []).filter((s) => s.text).map(toStep);
  const scenarios = doc.scenarios.filter((s) => s.steps.some((step) => step.text));
  if (scenarios.length > 0) {
    const seen = new Map<string, number>();
    const cases = scenarios.map((s, i) => {
      const name = s.name || `Scenario ${i + 1}`;
      // Two scenarios with one name still get a case each: the second is told apart by its number.
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      const scenario = n === 1 ? name : `${name} (${n})`;
      return {
        scenario,
        title: `${story.title}: ${scenario}`,
        steps: [...background, ...s.steps.filter((step) => step.text).map(toStep)],
      };
    });
    return { cases, skipped: null };
  }
  const steps = looseSteps(story.acceptance);
  if (steps.length > 0) return { cases: [{ scenario: '', title: story.title, steps }], skipped: null };
  const reason = story.acceptance.trim()
    ? 'the acceptance criteria have no Given/When/Then steps'
    : 'the story has no acceptance criteria';
  return { cases: [], skipped: reason };
}

function toStep(s: { keyword: string; text: string }): CaseStep {
  return { keyword: s.keyword, text: s.text };
}
