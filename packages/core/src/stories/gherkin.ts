// A small line-based Gherkin reader for a story's acceptance criteria: Feature, Rule, Background, Scenario,
// Scenario Outline (and their Example/Template synonyms), Examples, steps (Given/When/Then/And/But/*), `|` table
// rows, `"""` and ``` doc strings, `#` comments and `@tags`. It never throws: what is not Gherkin becomes a
// problem with its line, so the story checks can point at it. No npm parser is in the workspace, and core takes no
// new dependencies (its package.json is a contract). English keywords only, like the gate's word lists.

export type StepKind = 'given' | 'when' | 'then';

export type GherkinStep = {
  keyword: 'Given' | 'When' | 'Then' | 'And' | 'But' | '*';
  text: string;
  /** Given/When/Then the step counts as: And, But and `*` continue the step before; null when nothing came before. */
  kind: StepKind | null;
  line: number;
  column: number;
};

export type GherkinScenario = {
  keyword: string;
  name: string;
  line: number;
  column: number;
  steps: GherkinStep[];
  /** Data rows under Examples (header rows excluded), for outlines. */
  examples: number;
};

export type GherkinProblem = {
  line: number;
  column: number;
  text: string;
  reason: 'not-a-step' | 'step-outside-scenario' | 'empty-step' | 'table-outside-step' | 'unclosed-doc-string';
};

export type GherkinDocument = {
  feature: { name: string; line: number } | null;
  background: GherkinScenario | null;
  scenarios: GherkinScenario[];
  problems: GherkinProblem[];
};

const HEADER =
  /^(Feature|Rule|Background|Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios):\s*(.*)$/i;
const STEP = /^(Given|When|Then|And|But|\*)(?=\s|$)\s*(.*)$/i;
const DOC_STRING = /^("""|```)/;

const STEP_KEYWORDS = ['Given', 'When', 'Then', 'And', 'But', '*'] as const;

export function parseGherkin(text: string): GherkinDocument {
  const doc: GherkinDocument = { feature: null, background: null, scenarios: [], problems: [] };
  // What the next line may be: free description (after Feature/Rule), steps, or Examples rows.
  let block: 'none' | 'description' | 'scenario' | 'examples' = 'none';
  let current: GherkinScenario | null = null;
  let lastWasStep = false;
  let fence: { marker: string; line: number; column: number; text: string } | null = null;
  let headerRowSeen = false;

  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    const trimmed = raw.trim();
    const column = trimmed ? raw.length - raw.trimStart().length + 1 : 1;
    if (fence) {
      if (trimmed.startsWith(fence.marker)) fence = null;
      continue;
    }
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('@')) continue;

    const fenceOpen = DOC_STRING.exec(trimmed);
    if (fenceOpen) {
      // A doc string belongs to the step above it; anywhere else it is still skipped whole, with one problem.
      if (!lastWasStep) doc.problems.push({ line, column, text: trimmed, reason: 'not-a-step' });
      fence = { marker: fenceOpen[1] as string, line, column, text: trimmed };
      continue;
    }

    if (trimmed.startsWith('|')) {
      if (block === 'examples') {
        if (headerRowSeen && current) current.examples++;
        headerRowSeen = true;
      } else if (!lastWasStep) doc.problems.push({ line, column, text: trimmed, reason: 'table-outside-step' });
      continue;
    }

    const header = HEADER.exec(trimmed);
    if (header) {
      const keyword = (header[1] as string).toLowerCase();
      const name = (header[2] as string).trim();
      lastWasStep = false;
      if (keyword === 'feature' || keyword === 'rule') {
        if (keyword === 'feature' && !doc.feature) doc.feature = { name, line };
        block = 'description';
        current = null;
      } else if (keyword === 'examples' || keyword === 'scenarios') {
        block = current ? 'examples' : 'none';
        headerRowSeen = false;
        if (!current) doc.problems.push({ line, column, text: trimmed, reason: 'step-outside-scenario' });
      } else {
        current = { keyword: canonical(header[1] as string), name, line, column, steps: [], examples: 0 };
        if (keyword === 'background') doc.background = current;
        else doc.scenarios.push(current);
        block = 'scenario';
      }
      continue;
    }

    const step = STEP.exec(trimmed);
    if (step) {
      const keyword = STEP_KEYWORDS.find((k) => k.toLowerCase() === (step[1] as string).toLowerCase()) ?? '*';
      const stepText = (step[2] as string).trim();
      if (!stepText) doc.problems.push({ line, column, text: trimmed, reason: 'empty-step' });
      if (!current || block !== 'scenario') {
        doc.problems.push({ line, column, text: trimmed, reason: 'step-outside-scenario' });
        lastWasStep = false;
        continue;
      }
      const previous = current.steps.at(-1);
      const kind =
        keyword === 'Given' || keyword === 'When' || keyword === 'Then'
          ? (keyword.toLowerCase() as StepKind)
          : (previous?.kind ?? null);
      current.steps.push({ keyword, text: stepText, kind, line, column });
      lastWasStep = true;
      continue;
    }

    lastWasStep = false;
    // Free text is Gherkin only as a Feature's or Rule's description. Under a Scenario Gherkin would allow it too,
    // but in a story's criteria such a line is nearly always a step that lost its keyword, so it is reported.
    if (block !== 'description') doc.problems.push({ line, column, text: trimmed, reason: 'not-a-step' });
  }
  if (fence)
    doc.problems.push({ line: fence.line, column: fence.column, text: fence.text, reason: 'unclosed-doc-string' });
  return doc;
}

function canonical(keyword: string): string {
  const lower = keyword.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
