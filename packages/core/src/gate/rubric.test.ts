import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './default-rubric.ts';
import { parseRubric } from './rubric.ts';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_RUBRIC));

describe('default rubric v3', () => {
  it('has the 14 public criteria with the research weights, summing to 100', () => {
    expect(DEFAULT_RUBRIC.criteria.map((c) => [c.id, c.weight])).toEqual([
      ['problem', 8],
      ['users', 6],
      ['metrics', 12],
      ['scope', 8],
      ['requirements', 8],
      ['acceptance', 12],
      ['clarity', 8],
      ['completeness', 8],
      ['nfr', 6],
      ['ux', 4],
      ['release', 6],
      ['risks', 6],
      ['analytics', 4],
      ['metadata', 4],
    ]);
    expect(DEFAULT_RUBRIC.version).toBe(3);
    expect(DEFAULT_RUBRIC.verdict).toEqual({ passScore: 75, conditionalScore: 40, maxBlockersConditional: 2 });
    expect(parseRubric(clone()).ok).toBe(true);
  });
});

describe('parseRubric', () => {
  it('names wrong weights', () => {
    const rubric = clone();
    rubric.criteria[0].weight = 3;
    expect(parseRubric(rubric)).toEqual({ ok: false, error: 'criteria: criteria weights sum to 95, expected 100' });
  });

  it('names an unknown check id with its position', () => {
    const rubric = clone();
    rubric.criteria[2].check = 'vibes';
    const result = parseRubric(rubric);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^criteria\.2\.check: unknown check id "vibes" \(known: problem, users/);
  });

  it('validates check params, severities, blockers and the verdict', () => {
    const params = clone();
    params.criteria[3].params = { minItems: 'two' };
    expect(parseRubric(params)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^criteria\.3\.params\.minItems: /),
    });
    const extra = clone();
    extra.criteria[3].params = { surprise: 1 };
    expect(parseRubric(extra).ok).toBe(false);
    const severity = clone();
    severity.criteria[2].severities = { 'scope.missing': 'minor' };
    expect(parseRubric(severity)).toMatchObject({
      ok: false,
      error: 'criteria.2.severities.scope.missing: unknown rule "scope.missing" for check "metrics"',
    });
    const blocker = clone();
    blocker.blockers.push('metrics.too-pretty');
    expect(parseRubric(blocker)).toMatchObject({
      ok: false,
      error: 'blockers.7: unknown rule id "metrics.too-pretty"',
    });
    const verdict = clone();
    verdict.verdict.conditionalScore = 90;
    expect(parseRubric(verdict).ok).toBe(false);
  });

  it('rejects malformed input with a path', () => {
    expect(parseRubric(null)).toMatchObject({ ok: false });
    expect(parseRubric({ ...clone(), criteria: 'all' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^criteria: /),
    });
    const noWords = clone();
    noWords.language = 'fr';
    expect(parseRubric(noWords)).toMatchObject({ ok: false, error: 'wordLists: no word lists for language "fr"' });
  });

  it('accepts a custom version with different weights and extra words', () => {
    const rubric = clone();
    rubric.version = 2;
    rubric.criteria[0].weight = 10;
    rubric.criteria[1].weight = 4;
    rubric.wordLists.en.vague.push('world-class');
    const result = parseRubric(rubric);
    expect(result.ok).toBe(true);
  });
});
