import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { describe, expect, it } from 'vitest';
import { runPack } from './pack.ts';
import { captured, scratch } from './test-kit.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const packs = path.join(root, 'packages/core/src/handover/test-packs');
const { work, file } = scratch('pack');

const pack = (...argv: string[]) => captured(runPack, argv);

const RECORD = {
  name: 'PayFlow',
  code: 'FINTX-PAYFLOW',
  version: '2.4.0',
  owners: [{ name: 'Ada Obi', email: 'ada.obi@fintx.io' }],
  environments: [{ name: 'production', url: 'https://payflow.fintx.io' }],
};

describe('pistudio pack validate (runPack)', () => {
  it('prints exactly {kind, score, verdict, findings} with the gate finding fields; exit 0 on pass', async () => {
    const record = file('record.json', JSON.stringify(RECORD));
    const { code, stdout, stderr } = await pack(
      'validate',
      path.join(packs, 'runbook-complete.md'),
      '--kind',
      'runbook',
      '--format',
      'json',
      '--product',
      record,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['kind', 'score', 'verdict', 'findings']);
    expect(out).toMatchObject({ kind: 'runbook', verdict: 'pass' });
    expect(Object.keys(out.findings[0])).toEqual([
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
  });

  it('exits 1 on a pasted key, with the key masked in the output', async () => {
    const { code, stdout } = await pack(
      'validate',
      path.join(packs, 'security-secret.md'),
      '--kind',
      'security',
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.verdict).toBe('fail');
    expect(
      out.findings.filter((f: { severity: string }) => f.severity === 'blocker').map((f: { rule: string }) => f.rule),
    ).toEqual(['pack.secret.aws_access_key', 'pack.secret.password_in_url']);
    expect(stdout).not.toContain('AKIAQ3EGRTYUWX7ZPLMN');
  });

  it('exits 0 on a conditional pass, 1 under --strict, and prints text by default', async () => {
    const qa = path.join(packs, 'qa-incomplete.md');
    const plain = await pack('validate', qa, '--kind', 'qa');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/qa pack — score \d+, conditional/);
    expect(plain.stdout).toContain('pack.completeness.missing_section  Required section missing');
    expect((await pack('validate', qa, '--kind', 'qa', '--strict')).code).toBe(1);
  });

  it('reads a .docx pack (converted to Markdown first) and blocks the key pasted in it', async () => {
    // Assembled at run time: no literal key in the repository.
    const key = ['sk', 'live', 'Zq8mW2xR4tY6uI0oP3aS5dF7'].join('_');
    const docx = file(
      'release-notes.docx',
      buildDocx([
        { heading: 1, text: 'PayFlow release notes' },
        { heading: 2, text: '[2.4.0] - 2026-12-01' },
        { heading: 3, text: 'Added' },
        { text: 'CSV export of payouts per merchant (PAY-210) and payout batches of up to 5,000 lines (PAY-215).' },
        { heading: 3, text: 'Fixed' },
        { text: `Duplicate payout alerts after a bank timeout (PAY-198). The webhook now signs with ${key}.` },
      ]),
    );
    const { code, stdout, stderr } = await pack('validate', docx, '--kind', 'release-notes', '--format', 'json');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const out = JSON.parse(stdout);
    expect(
      out.findings.filter((f: { severity: string }) => f.severity === 'blocker').map((f: { rule: string }) => f.rule),
    ).toEqual(['pack.secret.stripe_secret']);
    expect(stdout).not.toContain(key);
  });

  it.each([
    [['validate', 'x.md'], '--kind is required'],
    [['validate', 'x.md', '--kind', 'handbook'], "unknown --kind 'handbook'"],
    [['validate', '--kind', 'qa'], 'give exactly one file'],
    [['validate', 'x.md', '--kind', 'qa', '--format', 'sarif'], "unknown --format 'sarif'"],
    [['validate', 'x.md', '--kind', 'qa', '--bogus'], "Unknown option '--bogus'"],
    [['check', 'x.md'], "unknown subcommand 'check'"],
    [[], "missing subcommand 'validate'"],
  ])('exits 2 with one line on bad usage %j', async (argv, message) => {
    const { code, stdout, stderr } = await pack(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it.each([
    ['a missing file', () => path.join(work, 'missing.md'), 'no such file'],
    ['an empty file', () => file('empty.md', ''), 'is empty'],
    ['a binary file', () => file('bin.md', new Uint8Array([35, 32, 0, 1, 2, 3])), 'binary file'],
    [
      'invalid UTF-8',
      () => file('latin1.txt', new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9])),
      'not valid UTF-8',
    ],
    ['an unsupported type', () => file('pack.pdf', '%PDF-1.7'), 'unsupported file type'],
  ])('exits 2 with one line on %s', async (_name, make, message) => {
    const { code, stderr } = await pack('validate', make(), '--kind', 'doc');
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^pistudio: pack: .*${message}.*\\n$`));
  });

  it.each([
    ['not JSON', '{name:', 'is not valid JSON'],
    ['an unknown field', JSON.stringify({ nam: 'PayFlow' }), 'Unrecognized key'],
    ['a wrong type', JSON.stringify({ owners: 'Ada' }), 'owners'],
  ])('exits 2 when the product record is %s', async (_name, content, message) => {
    const record = file(`record-${_name.replace(/\W/g, '')}.json`, content);
    const { code, stderr } = await pack(
      'validate',
      path.join(packs, 'runbook-complete.md'),
      '--kind',
      'runbook',
      '--product',
      record,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('the built binary', () => {
  const bin = path.join(root, 'packages/cli/bin/pistudio.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('validates through `pistudio pack validate` and lists the command in --help', () => {
    const fail = run('pack', 'validate', path.join(packs, 'security-ai.md'), '--kind', 'security', '--format', 'json');
    expect(fail.status).toBe(1);
    expect(JSON.parse(fail.stdout).verdict).toBe('fail');
    const pass = run('pack', 'validate', path.join(packs, 'release-notes.md'), '--kind', 'release-notes');
    expect(pass.status).toBe(0);
    const bad = run('pack', 'validate', path.join(packs, 'release-notes.md'));
    expect({ status: bad.status, stderr: bad.stderr }).toEqual({
      status: 2,
      stderr: 'pistudio: pack: --kind is required (qa, security, runbook, release-notes, doc)\n',
    });
    expect(run('help').stdout).toContain('pack validate: check a QA, security, runbook, release-notes or doc pack');
  });
});
