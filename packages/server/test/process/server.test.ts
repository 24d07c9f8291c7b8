// Process safety with the real CLI: one server per data directory, clean shutdown on SIGTERM, data kept.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  cliEnv,
  login,
  type Running,
  runCli,
  startServer,
  stderrLines,
  tempDir,
} from './cli.ts';

const dir = tempDir('process');
const env = cliEnv(`${dir}/data`);
const running: Running[] = [];

afterAll(() => {
  for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('pistudio serve as a process', { timeout: 180_000 }, () => {
  let session = { cookie: '', csrf: '' };
  let token = '';

  it('holds the data directory: a second server and data commands exit 1 with one clear line', async () => {
    const first = await startServer(env);
    running.push(first);
    const [second, user, backup] = await Promise.all([
      runCli(['serve'], env),
      runCli(['user', 'create', '--email', 'x@example.com', '--name', 'X'], env),
      runCli(['backup', `${dir}/b.gz`], env),
    ]);
    for (const f of [second, user, backup]) {
      expect(f.code, f.stderr).toBe(1);
      expect(stderrLines(f)).toEqual([
        expect.stringMatching(/^pistudio: data directory .* is in use by another PI Studio process/),
      ]);
    }
    expect(fs.existsSync(`${dir}/b.gz`)).toBe(false);
    // The first server is unharmed.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    const signedIn = await login(first.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(signedIn.status).toBe(200);
    session = signedIn;
    const created = await fetch(`${first.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ name: 'written-before-restart', scopes: ['read'] }),
    });
    expect(created.status).toBe(201);
    token = ((await created.json()) as { token: string }).token;

    // SIGTERM while sign-ins (scrypt, slow on purpose) are in flight: every one still gets its answer.
    const signalAt: { t: number | null } = { t: null };
    const inflight = Array.from({ length: 8 }, () =>
      login(first.url, ADMIN_EMAIL, ADMIN_PASSWORD).then((r) => {
        if (signalAt.t === null) {
          signalAt.t = performance.now();
          first.child.kill('SIGTERM');
        }
        return { status: r.status, at: performance.now() };
      }),
    );
    const answers = await Promise.all(inflight);
    const done = await first.exited;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((a) => a.at > (signalAt.t ?? 0)).length).toBeGreaterThan(0);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Stopped cleanly');
    expect(done.stderr).toBe('');
  });

  it('restarts on the same directory and finds what was written before', async () => {
    const again = await startServer(env);
    running.push(again);
    expect(again.output().stdout).not.toContain('Created admin');
    const me = await fetch(`${again.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    const tokens = await fetch(`${again.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${token}` } });
    expect(tokens.status).toBe(200);
    const names = ((await tokens.json()) as { items: { name: string }[] }).items.map((t) => t.name);
    expect(names).toContain('written-before-restart');
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});
