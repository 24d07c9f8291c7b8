// Hostile input must not throw or hang: NUL bytes, lone surrogates, 20 MB, a huge table, deeply nested lists.
import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets } from './secrets.ts';
import { PACK_KINDS } from './types.ts';
import { validatePack } from './validate.ts';

const PROSE =
  'The service settles merchant payouts every weekday and keeps an audit trail of every batch it sends.\n\n';

/** Time one call; the limits are generous for a shared 2-core machine, but far below "hangs". */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe('validatePack on hostile input', () => {
  it('treats NUL bytes as binary, not as a pack', () => {
    const report = validatePack(`# Runbook\n\n${PROSE.repeat(5)}\u0000\u0000`, 'runbook');
    expect(report.findings.map((f) => f.rule)).toEqual(['pack.document.not_a_pack']);
  });

  it('reads lone surrogates without throwing, on every kind', () => {
    const text = `# Runbook \ud800\n\n${PROSE.repeat(5)}Broken \udc00 pair and \ud83d alone.\n\n| a | b\ud800 |\n| --- | --- |\n| 1 | 2 |\n`;
    for (const kind of PACK_KINDS) {
      const report = validatePack(text, kind);
      expect(report.kind).toBe(kind);
      expect(report.score).toBeGreaterThanOrEqual(0);
    }
    expect(maskSecrets(text)).toBe(text);
  });

  it('refuses a 20 MB pack at once with one finding', () => {
    const huge = PROSE.repeat(Math.ceil((20 * 1024 * 1024) / PROSE.length));
    const { value, ms } = timed(() => validatePack(huge, 'doc'));
    expect(value.findings.map((f) => f.rule)).toEqual(['pack.document.too_large']);
    expect(value.verdict).toBe('fail');
    expect(ms).toBeLessThan(1000);
  });

  it('validates a 3 MB pack of one 90,000-row table in seconds, findings capped per rule', () => {
    const rows = Array.from(
      { length: 90_000 },
      (_, i) => `| ${i} | batch ${i} sent | ${i % 7 === 0 ? 'x | extra' : 'ok'} |`,
    );
    const text = `# QA report\n\n${PROSE}| Id | Step | Result |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
    const { value, ms } = timed(() => validatePack(text, 'qa'));
    expect(value.findings.filter((f) => f.rule === 'pack.format.table_columns')).toHaveLength(1);
    const perRule = new Map<string, number>();
    for (const f of value.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
    expect(Math.max(...perRule.values())).toBeLessThanOrEqual(50);
    expect(ms).toBeLessThan(20_000);
  });

  it('survives lists nested 2,000 deep', () => {
    const nested = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const { value, ms } = timed(() => validatePack(`# Doc\n\n${PROSE}${nested}\n`, 'doc'));
    expect(value.verdict).toMatch(/^(?:pass|conditional|fail)$/);
    expect(ms).toBeLessThan(20_000);
  });

  it('finds secrets in a long line of near-misses in linear time', () => {
    const line = `${'password= '.repeat(50_000)}AKIA${'A'.repeat(15)}`;
    const { value, ms } = timed(() => findSecrets(line));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });
});
