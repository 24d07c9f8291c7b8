import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_RULES } from './rules.ts';
import { findSecrets } from './secrets.ts';
import { PAYFLOW_RECORD } from './test-packs/product-record.ts';
import type { PackKind } from './types.ts';
import { validatePack } from './validate.ts';

const pack = (name: string) => readFileSync(new URL(`./test-packs/${name}.md`, import.meta.url), 'utf8');
const RECORD = PAYFLOW_RECORD;

/** "line rule" of every finding that is not info (info findings are listed recommended sections). */
function serious(name: string, kind: PackKind) {
  const report = validatePack(pack(name), kind, { product: RECORD });
  return { report, found: report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.rule}`) };
}

describe('validatePack on packs written for the tests', () => {
  it('passes a complete runbook that agrees with the product record', () => {
    const { report, found } = serious('runbook-complete', 'runbook');
    expect(found).toEqual([]);
    expect(report).toMatchObject({ kind: 'runbook', verdict: 'pass' });
    expect(report.score).toBeGreaterThanOrEqual(90);
    // Only the recommended sections it lacks are mentioned.
    expect(report.findings.map((f) => f.message)).toEqual([
      'Recommended section missing: Metadata (owner, version, last reviewed).',
      'Recommended section missing: Routine operations.',
      'Recommended section missing: Security operations.',
    ]);
  });

  it('finds the gaps of an incomplete QA report: missing sections, a broken table, TBD, a skipped level, a dead link', () => {
    const { report, found } = serious('qa-incomplete', 'qa');
    expect(found).toEqual([
      '1 pack.completeness.missing_section',
      '1 pack.completeness.missing_section',
      '1 pack.completeness.missing_section',
      '11 pack.format.table_columns',
      '16 pack.ai.open_placeholder',
      '18 pack.format.heading_skip',
      '24 pack.format.dead_anchor',
    ]);
    const missing = report.findings.filter((f) => f.rule === 'pack.completeness.missing_section').map((f) => f.message);
    expect(missing).toEqual([
      'Required section missing: Identification (product, release, test items, period, environments).',
      'Required section missing: Evaluation against exit criteria / DoD.',
      'Required section missing: Residual risks and known limitations.',
    ]);
    expect(report.verdict).toBe('conditional');
  });

  it('fails an AI-generated security pack on its leftovers, placeholders and OWASP gaps', () => {
    const { report, found } = serious('security-ai', 'security');
    expect(found).toEqual([
      '1 pack.consistency.product_not_named',
      '1 pack.ai.template_placeholder',
      '3 pack.ai.chatter',
      '8 pack.ai.placeholder_email',
      '8 pack.ai.placeholder_phone',
      '13 pack.ai.chat_artifact',
      '15 pack.owasp.missing_category',
      '15 pack.owasp.missing_category',
      '15 pack.owasp.missing_category',
      '15 pack.owasp.missing_category',
      '24 pack.owasp.na_without_reason',
      '28 pack.ai.lorem_ipsum',
      '32 pack.ai.template_placeholder',
      '42 pack.ai.chatter',
    ]);
    const owasp = report.findings.filter((f) => f.rule === 'pack.owasp.missing_category').map((f) => f.message);
    expect(owasp.map((m) => m.slice(0, 3))).toEqual(['A06', 'A07', 'A08', 'A09']);
    expect(report.verdict).toBe('fail');
  });

  it('blocks a pack with a pasted key and never shows the key in a finding', () => {
    const text = pack('security-secret');
    const { report, found } = serious('security-secret', 'security');
    expect(found).toEqual(['32 pack.secret.aws_access_key', '42 pack.secret.password_in_url']);
    expect(report.verdict).toBe('fail');
    expect(report.findings.every((f) => f.criterion === 'pack.secret' || f.severity !== 'blocker')).toBe(true);
    const json = JSON.stringify(report);
    expect(json).not.toContain('AKIAQ3EGRTYUWX7ZPLMN');
    expect(json).not.toContain('Xk29dLq7wPz');
    expect(report.findings.find((f) => f.line === 32)?.excerpt).toBe('export AWS_ACCESS_KEY_ID=AKIA********');
    expect(findSecrets(text)).toHaveLength(2);
  });

  it('passes good release notes and says a release-notes file is not a security pack', () => {
    expect(serious('release-notes', 'release-notes').report.verdict).toBe('pass');
    const { report } = serious('release-notes', 'security');
    const mismatch = report.findings.find((f) => f.rule === 'pack.kind.mismatch');
    expect(mismatch?.message).toMatch(/^This looks like a release-notes pack, not a security pack/);
    expect(mismatch?.fix).toContain('--kind release-notes');
    expect(report.findings.some((f) => f.criterion === 'pack.owasp')).toBe(false);
    expect(report.verdict).toBe('fail');
  });

  it('uses the gate finding shape with stable rule ids and labels', () => {
    const { report } = serious('security-ai', 'security');
    const ids = new Set(PACK_RULES.map((r) => r.id));
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
      expect(ids.has(f.rule)).toBe(true);
      expect(f.rule.startsWith(`${f.criterion}.`)).toBe(true);
      expect(f.fix.length).toBeGreaterThan(10);
    }
    expect(PACK_RULES.every((r) => /^pack\.[a-z]+\.[a-z_-]+$/.test(r.id) && r.summary.length > 5)).toBe(true);
  });
});

describe('validatePack on what is not a pack', () => {
  it.each([
    ['empty', '', 'The pack is empty.'],
    ['whitespace', ' \n\t\n', 'The pack is empty.'],
    ['a title only', '# Runbook\n\nTBD', 'The pack has 2 words: too little to be a pack.'],
    ['binary garbage', `PK\u0003\u0004${'\u0000\u0001\u0002'.repeat(100)}`, 'This is binary data, not a pack.'],
  ])('fails %s with one clear finding', (_name, text, message) => {
    const report = validatePack(text, 'runbook');
    expect(report).toMatchObject({ score: 0, verdict: 'fail' });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ rule: 'pack.document.not_a_pack', severity: 'blocker', message });
  });

  it('refuses wrong types and unknown kinds with a clear error', () => {
    expect(() => validatePack(42 as unknown as string, 'qa')).toThrow(/must be a string/);
    expect(() => validatePack('text', 'handbook' as PackKind)).toThrow(/unknown pack kind "handbook"/);
  });
});
