// The gate's output contract (public: the API, the CLI's JSON/SARIF/JUnit and the editor all read it).

export const SEVERITIES = ['blocker', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICTS = ['pass', 'conditional', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Finding = {
  criterion: string;
  /** Stable rule id, `<check>.<rule>` (e.g. `metrics.no-timeframe`). */
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  /** Heading path, e.g. "Payouts PRD > Requirements"; '' before the first heading. */
  section: string;
  excerpt: string;
  message: string;
  fix: string;
  /** The Golden passage the fix quotes, as Markdown for pages that render it (the fix carries it as plain text). */
  golden?: { source: string | null; markdown: string };
};

export type CriterionScore = {
  id: string;
  name: string;
  weight: number;
  /** 0–1 with two decimals; the document score is Σ weight × score, rounded. */
  score: number;
};

export type GateReport = {
  rubric: { id: string; version: number };
  score: number;
  verdict: Verdict;
  /** One sentence: why the verdict is what it is (e.g. "Fail: 2 blockers (…); a conditional pass allows at most 1."). */
  why: string;
  criteria: CriterionScore[];
  findings: Finding[];
};

/** An approved passage from the Golden PRD library that fixes can cite. */
export type GoldenPassage = {
  criterion: string;
  text: string;
  /** Where it comes from, e.g. "FINTX-PAYOUTS-PRD v1.3". */
  source?: string | null;
  subsidiary?: string | null;
  productType?: string | null;
};

export type ScoreOptions = {
  golden?: readonly GoldenPassage[];
  subsidiary?: string | null;
  productType?: string | null;
  /** Word-list and heading language; defaults to the rubric's language. */
  language?: string;
};
