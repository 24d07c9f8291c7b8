// The data commands end to end: demo → user/token → backup → restore into a new directory → serve it.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, login, runCli, startServer, stderrLines, tempDir } from './cli.ts';

const dir = tempDir('data');
const source = cliEnv(`${dir}/source`);
const restored = cliEnv(`${dir}/restored`);
const file = `${dir}/studio.pistudio.gz`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pistudio data commands', { timeout: 180_000 }, () => {
  let token = '';
  let rows = 0;

  it('loads the demo once, creates a user and a token, and backs everything up', async () => {
    const demo = await runCli(['demo'], source);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Loaded the demo studio .*: 1\d products/);

    const twice = await runCli(['demo'], source);
    expect(twice.code).toBe(1);
    expect(stderrLines(twice)).toEqual([expect.stringMatching(/^pistudio: .* already has \d+ product\(s\)/)]);

    const user = await runCli(
      ['user', 'create', '--email', 'Lena@Example.com', '--name', 'Lena', '--role', 'emx:po', '--role', 'NXN:viewer'],
      source,
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(
      /Created user lena@example\.com \(EMX:po, NXN:viewer\)\nInitial password \(shown once\): \S{12,}/,
    );
    const duplicate = await runCli(['user', 'create', '--email', 'lena@example.com', '--name', 'Lena'], source);
    expect(duplicate.code).toBe(1);
    expect(stderrLines(duplicate)).toEqual(['pistudio: a user with email lena@example.com already exists']);
    const unknown = await runCli(
      ['user', 'create', '--email', 'z@example.com', '--name', 'Z', '--role', 'ACME:po'],
      source,
    );
    expect(stderrLines(unknown)).toEqual(['pistudio: --role: unknown subsidiaries: ACME']);
    expect(unknown.code).toBe(1);

    const created = await runCli(
      [
        'token',
        'create',
        '--email',
        'omar@demo.pistudio.local',
        '--name',
        'ci',
        '--scope',
        'read',
        '--expires-days',
        '30',
      ],
      source,
    );
    expect(created.code, created.stderr).toBe(0);
    token = created.stdout.trim();
    expect(token).toMatch(/^pis_\S+$/);
    const nobody = await runCli(['token', 'create', '--email', 'nobody@example.com', '--name', 'x'], source);
    expect(stderrLines(nobody)).toEqual(['pistudio: no active user with email nobody@example.com']);

    const backup = await runCli(['backup', file], source);
    expect(backup.code, backup.stderr).toBe(0);
    rows = Number(/Backed up (\d+) rows/.exec(backup.stdout)?.[1]);
    expect(rows).toBeGreaterThan(200);
    const overwrite = await runCli(['backup', file], source);
    expect(overwrite.code).toBe(1);
    expect(stderrLines(overwrite)).toEqual([expect.stringMatching(/exists; choose another name or pass --force/)]);
  });

  it('restores into an empty directory only, and the restored studio works', async () => {
    const restore = await runCli(['restore', file], restored);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Restored ${rows} rows`);

    const again = await runCli(['restore', file], restored);
    expect(again.code).toBe(1);
    expect(stderrLines(again)).toEqual([expect.stringMatching(/^pistudio: the target database is not empty/)]);

    const server = await startServer(restored);
    try {
      expect(server.output().stdout).not.toContain('Created admin');
      expect((await login(server.url, 'omar@demo.pistudio.local', 'demo-password-1')).status).toBe(200);
      const products = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(products.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    }
  });
});
