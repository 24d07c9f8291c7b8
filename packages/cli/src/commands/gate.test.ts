import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { type GateIo, runGate } from './gate.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = path.join(root, 'packages/core/test/gate-corpus');
const work = mkdtempSync(path.join(tmpdir(), 'pistudio-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function gate(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: GateIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
  };
  const code = await runGate(argv, io);
  return { code, stdout, stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const full = path.join(work, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

describe('pistudio gate (runGate)', () => {
  it('prints exactly one JSON object with results and summary, exit 0 when everything passes', async () => {
    const { code, stdout, stderr } = await gate(path.join(corpus, 'strong-payouts.md'), '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['results', 'summary']);
    expect(Object.keys(out.results[0])).toEqual(['file', 'rubric', 'score', 'verdict', 'criteria', 'findings']);
    expect(out.results[0]).toMatchObject({ rubric: { id: 'pistudio-prd', version: 1 }, verdict: 'pass' });
    expect(out.results[0].criteria).toHaveLength(14);
    expect(out.summary).toEqual({ files: 1, pass: 1, conditional: 0, fail: 0 });
  });

  it('recurses into directories in a stable order and exits 1 when any file fails', async () => {
    const { code, stdout } = await gate(corpus, '--format', 'json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.summary).toEqual({ files: 13, pass: 3, conditional: 3, fail: 7 });
    const files = out.results.map((r: { file: string }) => r.file);
    expect(files).toEqual([...files].sort());
  });

  it('passes a conditional file unless --strict', async () => {
    const medium = path.join(corpus, 'medium-referrals.md');
    expect((await gate(medium)).code).toBe(0);
    expect((await gate(medium, '--strict')).code).toBe(1);
  });

  it('writes SARIF, JUnit, Markdown and plain text (no colours when not a TTY)', async () => {
    const weak = path.join(corpus, 'weak-dashboard.md');
    const sarif = JSON.parse((await gate(weak, '--format', 'sarif')).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toMatchObject({
      startLine: expect.any(Number),
      startColumn: expect.any(Number),
    });
    expect((await gate(weak, '--format', 'junit')).stdout).toMatch(
      /^<\?xml[\s\S]*<testsuite name="[^"]*weak-dashboard.md" tests="14"/,
    );
    expect((await gate(weak, '--format', 'markdown')).stdout).toContain('# PRD gate report');
    const text = await gate(weak);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('\x1b[');
    expect(text.stdout).toContain('FAIL');
  });

  it('reads a .docx built in the test (headings, paragraphs, tables) through mammoth', async () => {
    const docx = file(
      'payouts.docx',
      buildDocx([
        { heading: 1, text: 'Payout ETA' },
        { text: 'Owner: Amina Diallo' },
        { text: 'Status: In review' },
        { heading: 2, text: 'Problem' },
        {
          text: 'Merchants wait 3.2 days for payouts (finance report, April 2026) and 41% of support tickets ask where the money is.',
        },
        { heading: 2, text: 'Requirements' },
        {
          table: [
            ['Id', 'Requirement', 'Priority', 'Acceptance criteria'],
            [
              'FR-1',
              'The payouts page shows the expected date.',
              'Must',
              'Given a settled sale, when the merchant opens payouts, then the date "3 Jun 2026" is shown.',
            ],
          ],
        },
        { heading: 2, text: 'Success metrics' },
        { text: 'Payout tickets from 41% to 15% within 90 days of launch.' },
      ]),
    );
    const { code, stdout, stderr } = await gate(docx, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results;
    const rules = result.findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('problem.missing');
    expect(rules).not.toContain('requirements.none');
    expect(rules).not.toContain('acceptance.none');
    expect(rules).not.toContain('metrics.none-measurable');
    const byId = Object.fromEntries(result.criteria.map((c: { id: string; score: number }) => [c.id, c.score]));
    expect(byId.acceptance).toBe(1);
    for (const f of result.findings) expect(f.line).toBeGreaterThanOrEqual(1);
  });

  it('uses --rubric and names what is wrong with a bad one', async () => {
    const strong = path.join(corpus, 'strong-payouts.md');
    const custom = structuredClone(DEFAULT_RUBRIC);
    custom.version = 7;
    const ok = await gate(strong, '--format', 'json', '--rubric', file('custom.json', JSON.stringify(custom)));
    expect(JSON.parse(ok.stdout).results[0].rubric).toEqual({ id: 'pistudio-prd', version: 7 });
    const weights = structuredClone(DEFAULT_RUBRIC);
    (weights.criteria[0] as { weight: number }).weight = 1;
    const bad = await gate(strong, '--rubric', file('weights.json', JSON.stringify(weights)));
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(
      /^pistudio: gate: rubric .*weights\.json is invalid: criteria: criteria weights sum to 93, expected 100\n$/,
    );
    const unknown = structuredClone(DEFAULT_RUBRIC);
    (unknown.criteria[1] as { check: string }).check = 'astrology';
    expect((await gate(strong, '--rubric', file('unknown.json', JSON.stringify(unknown)))).stderr).toContain(
      'unknown check id "astrology"',
    );
    expect((await gate(strong, '--rubric', file('broken.json', '{"id": '))).stderr).toMatch(/is not valid JSON/);
  });

  it.each([
    ['no files', [], /no files given/],
    ['an unknown option', ['--colour'], /Unknown option '--colour'/],
    ['an unknown format', ['x.md', '--format', 'pdf'], /unknown --format 'pdf'/],
  ])('exits 2 on usage errors: %s', async (_name, argv, message) => {
    const { code, stdout, stderr } = await gate(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line naming the problem for unreadable input', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['binary.md', new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]), /binary\.md is a binary file, not text/],
      ['latin1.md', new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]), /latin1\.md is not valid UTF-8 text/],
      ['empty.md', '', /empty\.md is empty/],
      ['blank.txt', '  \n\n', /blank\.txt is empty/],
      ['notes.pdf', '%PDF-1.7', /notes\.pdf: unsupported file type/],
      ['fake.docx', '# not a zip', /fake\.docx is not a \.docx file \(not a zip archive\)/],
      ['big.md', 'x'.repeat(10 * 1024 * 1024 + 1), /big\.md is 10\.0 MB; the gate reads files up to 10 MB/],
    ];
    for (const [name, content, message] of cases) {
      const { code, stdout, stderr } = await gate(file(name, content), '--format', 'json');
      expect(code, name).toBe(2);
      expect(stdout, name).toBe('');
      expect(stderr, name).toMatch(message);
      expect(stderr.trimEnd().split('\n'), name).toHaveLength(1);
    }
    expect((await gate(path.join(work, 'missing.md'))).stderr).toMatch(
      /cannot read .*missing\.md: no such file or directory/,
    );
  });

  it('refuses a zip-bomb .docx without expanding it', async () => {
    const bomb = buildDocx([{ text: 'Hello' }], { 'word/media/filler.bin': new Uint8Array(20 * 1024 * 1024) });
    const { code, stderr } = await gate(file('bomb.docx', bomb));
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /bomb\.docx looks like a zip bomb \(word\/media\/filler\.bin is compressed \d+:1\); refusing to open it/,
    );
  });

  it('works through the real binary (spawned), with the same exit codes', () => {
    const bin = path.join(root, 'packages/cli/bin/pistudio.js');
    const ok = spawnSync(process.execPath, [bin, 'gate', path.join(corpus, 'strong-payouts.md'), '--format', 'json'], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toEqual({ files: 1, pass: 1, conditional: 0, fail: 0 });
    const fail = spawnSync(process.execPath, [bin, 'gate', path.join(corpus, 'hollow-template-tbd.md')], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(fail.status).toBe(1);
    const bad = spawnSync(process.execPath, [bin, 'gate', file('nul.md', new Uint8Array([0]))], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('determinism across runs', () => {
  it('prints byte-identical JSON for the same input', async () => {
    const a = await gate(corpus, '--format', 'json');
    const b = await gate(corpus, '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });
});
