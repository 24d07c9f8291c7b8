import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './default-rubric.ts';
import type { Rubric } from './rubric.ts';
import { normaliseForGate, scoreDocument } from './score.ts';
import type { GoldenPassage } from './types.ts';
import { verdictOf } from './verdict.ts';

const corpus = (name: string) => readFileSync(new URL(`../../test/gate-corpus/${name}`, import.meta.url), 'utf8');

describe('scoreDocument', () => {
  it('reports rubric, integer score, verdict, criteria in rubric order and findings sorted by line', () => {
    const report = scoreDocument(corpus('medium-invoicing.md'));
    expect(report.rubric).toEqual({ id: 'pistudio-prd', version: 3 });
    expect(Number.isInteger(report.score)).toBe(true);
    expect(report.criteria.map((c) => c.id)).toEqual(DEFAULT_RUBRIC.criteria.map((c) => c.id));
    const lines = report.findings.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual([
        'criterion',
        'rule',
        'severity',
        'line',
        'column',
        'section',
        'excerpt',
        'message',
        'fix',
      ]);
      expect(f.fix.length).toBeGreaterThan(10);
    }
    const weighted = report.criteria.reduce((n, c) => n + c.weight * c.score, 0);
    expect(Math.abs(weighted - report.score)).toBeLessThan(1);
  });

  it('is deterministic: same text and rubric give byte-identical JSON', () => {
    const text = corpus('strong-onboarding-wiki.md');
    const first = JSON.stringify(scoreDocument(text));
    scoreDocument(corpus('weak-chat-support.md'));
    expect(JSON.stringify(scoreDocument(text))).toBe(first);
    expect(JSON.stringify(scoreDocument(text, structuredClone(DEFAULT_RUBRIC)))).toBe(first);
  });

  it('makes only the rubric blocker list into blockers, and applies severity overrides', () => {
    const text = corpus('medium-referrals.md');
    expect(
      scoreDocument(text)
        .findings.filter((f) => f.severity === 'blocker')
        .map((f) => f.rule),
    ).toEqual(['completeness.placeholder-in-requirement']);
    const lenient: Rubric = structuredClone(DEFAULT_RUBRIC);
    lenient.blockers = lenient.blockers.filter((b) => b !== 'completeness.placeholder-in-requirement');
    const completeness = lenient.criteria.find((c) => c.id === 'completeness');
    if (completeness) completeness.severities = { 'completeness.placeholder-in-requirement': 'minor' };
    const report = scoreDocument(text, lenient);
    expect(report.verdict).toBe('pass');
    expect(report.findings.find((f) => f.rule === 'completeness.placeholder-in-requirement')?.severity).toBe('minor');
  });

  it('cites the best golden passage: same subsidiary and product type first', () => {
    const golden: GoldenPassage[] = [
      { criterion: 'scope', text: 'Any subsidiary example.', source: 'ANY-PRD v1.0' },
      {
        criterion: 'scope',
        text: 'EMX wallet example.',
        source: 'EMX-WALLET-PRD v2.0',
        subsidiary: 'EMX',
        productType: 'wallet',
      },
      {
        criterion: 'scope',
        text: 'EMX lending example.',
        source: 'EMX-LOAN-PRD v1.1',
        subsidiary: 'EMX',
        productType: 'lending',
      },
    ];
    const text = corpus('medium-invoicing.md');
    const fix = (options: object) =>
      scoreDocument(text, DEFAULT_RUBRIC, { golden, ...options }).findings.find((f) => f.criterion === 'scope')?.fix;
    expect(fix({ subsidiary: 'EMX', productType: 'lending' })).toContain(
      'Golden example (EMX-LOAN-PRD v1.1): "EMX lending example."',
    );
    expect(fix({ subsidiary: 'EMX', productType: 'payments' })).toContain('EMX-WALLET-PRD v2.0');
    expect(fix({ subsidiary: 'NXN' })).toContain('ANY-PRD v1.0');
    expect(scoreDocument(text).findings.find((f) => f.criterion === 'scope')?.fix).not.toContain('Golden');
  });

  it('gives the cited passage as Markdown too: whole lines, list markers kept, never cut mid-sentence', () => {
    const text = corpus('medium-invoicing.md');
    const long = 'Out of scope for v1, each with the reason. '.repeat(4).trim();
    const golden: GoldenPassage[] = [
      { criterion: 'scope', text: '- Offline mode — phase 2.\n- Partner API — Q1 2027.\n', source: 'DOC v1' },
    ];
    const scope = (g: GoldenPassage[]) =>
      scoreDocument(text, DEFAULT_RUBRIC, { golden: g }).findings.find((f) => f.criterion === 'scope');
    expect(scope(golden)?.golden).toEqual({
      source: 'DOC v1',
      markdown: '- Offline mode — phase 2.\n- Partner API — Q1 2027.',
    });
    expect(scope(golden)?.fix).toContain('"Offline mode — phase 2. Partner API — Q1 2027."');
    const cut = scope([{ criterion: 'scope', text: `${long} ${long} ${long}`, source: null }])?.golden?.markdown ?? '';
    expect(cut.length).toBeLessThanOrEqual(320);
    expect(cut.endsWith('reason.')).toBe(true);
    expect(scoreDocument(text).findings.some((f) => f.golden)).toBe(false);
  });

  it('scores an empty or whitespace document as a fail without throwing', () => {
    for (const text of ['', '   \n\n', '\u0000\u0001']) {
      const report = scoreDocument(text);
      expect(report.verdict).toBe('fail');
      expect(report.findings.every((f) => f.line === 1)).toBe(true);
    }
  });
});

describe('verdictOf', () => {
  const rules = DEFAULT_RUBRIC.verdict;
  const finding = (severity: 'blocker' | 'major', fix = 'Do this.') => ({
    criterion: 'x',
    rule: 'x.y',
    severity,
    line: 1,
    column: 1,
    section: '',
    excerpt: '',
    message: 'm',
    fix,
  });
  it('applies pass / conditional / fail thresholds and the blocker limit', () => {
    expect(verdictOf(75, [], rules)).toBe('pass');
    expect(verdictOf(95, [finding('blocker')], rules)).toBe('conditional');
    expect(verdictOf(74, [finding('major')], rules)).toBe('conditional');
    expect(verdictOf(40, [finding('blocker'), finding('blocker')], rules)).toBe('conditional');
    expect(verdictOf(95, [finding('blocker'), finding('blocker'), finding('blocker')], rules)).toBe('fail');
    expect(verdictOf(39, [], rules)).toBe('fail');
    expect(verdictOf(70, [finding('major', ' ')], rules)).toBe('fail');
  });
});

describe('normaliseForGate', () => {
  // What it must equal: the invisible characters removed, then NFKC unless the rest is plain ASCII.
  const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\uE000-\uF8FF]|[\uDB80-\uDBFF][\uDC00-\uDFFF]/g;
  const reference = (text: string) => {
    const visible = text.replace(INVISIBLE, '');
    return /[^\x20-\x7e\t\n\r]/.test(visible) ? visible.normalize('NFKC') : visible;
  };

  it('equals the full normalisation for every UTF-16 code unit, alone and beside others', () => {
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`a${ch}b`, `${ch}\u0301`, `\u1100${ch}`, `${ch}\ud835\udc00`]) {
        if (normaliseForGate(text) !== reference(text)) wrong.push(c.toString(16));
      }
    }
    expect(wrong).toEqual([]);
    const samples = [
      'Ｆｕｌｌ ＷＩＤＴＨ ≥ 5 — “quotes” …',
      'ﬁle ½ ① ㈱',
      '가각 \u1100\u1161\u11a8',
      'e\u0301 \u00e9',
      'x\ue202y',
    ];
    for (const text of samples) expect(normaliseForGate(text)).toBe(reference(text));
  });
});
