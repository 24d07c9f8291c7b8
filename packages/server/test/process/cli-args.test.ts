// Bad command lines exit 2 with exactly one readable line and no stack trace; every --help exits 0.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, stderrLines, tempDir } from './cli.ts';

const dir = tempDir('args');
const env = cliEnv(`${dir}/data`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const notGzip = `${dir}/not-a-backup.txt`;
fs.writeFileSync(notGzip, 'just text');

const BAD: [string[], RegExp][] = [
  [[], /missing command/],
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['serve', '--bogus'], /serve: unknown option --bogus/],
  [['serve', '--port'], /serve: option '--port <value>' argument missing/],
  [['serve', '--port', '99999'], /serve: --port must be 0–65535/],
  [['serve', 'extra'], /serve: unexpected argument 'extra'/],
  [['backup'], /backup: missing FILE/],
  [['restore'], /restore: missing FILE/],
  [['restore', notGzip], /not a PI Studio backup \(not gzip data\)/],
  [['restore', `${dir}/does-not-exist.gz`], /cannot read .*does-not-exist\.gz/],
  [['user'], /user: missing command/],
  [['user', 'delete'], /user: unknown command 'delete'/],
  [['user', 'create', '--name', 'No Email'], /user create: missing --email/],
  [['user', 'create', '--email', 'a@example.com'], /user create: missing --name/],
  [['user', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'EMX-po'], /--role must look like SUB:ROLE/],
  [['user', 'create', '--email', 'a@example.com', '--name', 'A', '--password', 'short'], /at least 12 characters/],
  [['user', 'create', '--email', 'a@example.com', '--name', 'A', '--password', 'Password1234'], /common or breached/],
  [['user', 'create', '--email', 'mira@example.com', '--name', 'M', '--password', 'mira-secret-2026'], /“mira”/],
  [['token', 'create', '--email', 'a@example.com'], /token create: missing --name/],
  [['token', 'create', '--email', 'a@example.com', '--name', 'n', '--scope', 'root'], /--scope must be one of/],
  [['token', 'create', '--email', 'a@example.com', '--name', 'n', '--expires-days', 'soon'], /--expires-days must be/],
  [['help', 'nothing'], /unknown command 'nothing'/],
];

describe('pistudio command line', { timeout: 180_000 }, () => {
  it('exits 2 with one line on stderr for every bad invocation, without touching the data directory', async () => {
    const results = await Promise.all(BAD.map(([args]) => runCli(args, env)));
    for (const [i, [args, message]] of BAD.entries()) {
      const f = results[i];
      if (!f) throw new Error('missing result');
      const label = `pistudio ${args.join(' ')}`;
      expect(f.code, `${label}: ${f.stderr}`).toBe(2);
      expect(stderrLines(f), label).toHaveLength(1);
      expect(f.stderr, label).toMatch(/^pistudio: /);
      expect(f.stderr, label).toMatch(message);
      expect(f.stderr, label).not.toMatch(/\n\s+at /);
      expect(f.stdout, label).toBe('');
    }
    expect(fs.existsSync(`${dir}/data`)).toBe(false);
  });

  it('prints usage for the tool and for each command with exit 0', async () => {
    const commands = ['serve', 'migrate', 'demo', 'backup', 'restore'];
    const runs = await Promise.all([
      runCli(['help'], env),
      runCli(['--help'], env),
      ...commands.map((c) => runCli([c, '--help'], env)),
      runCli(['user', 'create', '--help'], env),
      runCli(['token', 'create', '-h'], env),
      runCli(['help', 'backup'], env),
    ]);
    for (const f of runs) {
      expect(f.code, f.stderr).toBe(0);
      expect(f.stderr).toBe('');
      expect(f.stdout).toMatch(/^Usage: pistudio /);
    }
    expect(runs[0]?.stdout).toMatch(/serve.*\n.*migrate/s);
    for (const [i, c] of commands.entries()) expect(runs[2 + i]?.stdout).toContain(`Usage: pistudio ${c}`);
    expect(runs.at(-1)?.stdout).toContain('Usage: pistudio backup FILE');
  });
});
