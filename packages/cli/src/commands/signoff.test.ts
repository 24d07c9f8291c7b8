// `pistudio signoff verify` (issue #13): exit 0 on intact chains, 1 with each problem printed when a stored sign-off
// is altered by SQL or a signed story changed, 2 with one line on bad usage or an unknown product; the JSON is the
// verify endpoint's. Most cases run on the API test database (the command takes its opener); one opens a real data
// directory the way the other data commands do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZSignoffVerify } from '@pi-studio/core/contract/signoff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTypedProduct } from '../../../server/src/modules/gate/test-kit.ts';
import { addSession, addStories } from '../../../server/src/modules/signoff/test-kit.ts';
import { createTestContext, type TestContext } from '../../../server/test/harness.ts';
import { type OpenDatabase, runSignoff } from './signoff.ts';

let t: TestContext;
let code: string;
const work = mkdtempSync(path.join(tmpdir(), 'pistudio-signoff-'));

const onTestDb: OpenDatabase = (_dataDir, fn) => fn(t.deps);

/** Runs the command on the test database, or with `configured` on the data directory its flags name. */
async function signoff(argv: string[], where: 'test-db' | 'configured' = 'test-db') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => {
      stdout += s;
    },
    stderr: (s: string) => {
      stderr += s;
    },
  };
  const code = where === 'test-db' ? await runSignoff(argv, io, onTestDb) : await runSignoff(argv, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.client(await t.user({ isAdmin: true })).login();
  code = await makeTypedProduct(t, 'FINTX', 'CLISIGN');
  const stories = await addStories(t.deps.handle, code, 2);
  const session = await addSession(t.deps.handle, code, 1, '5.0.0', stories);
  for (const body of [
    { scope: 'session', sessionId: session.id, decision: 'refused', conditions: 'Receipts wrong' },
    { scope: 'session', sessionId: session.id, decision: 'signed' },
  ]) {
    const res = await admin.post(`/api/v1/products/${code}/signoffs`, body);
    if (res.status !== 201) throw new Error(`sign-off: ${res.status} ${await res.text()}`);
  }
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pistudio signoff verify', () => {
  it('exits 0 on an intact chain, as text and as the endpoint’s JSON', async () => {
    const text = await signoff(['verify', '--product', code]);
    expect(text).toEqual({
      code: 0,
      stderr: '',
      stdout: `Verified 2 sign-off(s) of ${code}: every chain is intact and no signed story changed.\n`,
    });
    const json = await signoff(['verify', '--product', code, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(ZSignoffVerify.parse(JSON.parse(json.stdout))).toEqual({
      ok: true,
      checked: 2,
      broken: [],
      changedSinceSignoff: [],
      evidence: [],
    });
    expect((await signoff(['verify'])).stdout).toContain('Verified 2 sign-off(s) of every product');
  });

  it('exits 1 and prints the record when a stored sign-off is altered by SQL', async () => {
    await t.deps.handle.raw("update uat_signoffs set conditions = 'none' where key = $1", [`${code}-SO-1`]);
    const out = await signoff(['verify', '--product', code]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(new RegExp(`^BROKEN   ${code}-SO-1: recordHash \\w+… does not match the record`, 'm'));
    expect(out.stdout).toContain('1 problem(s): 1 broken, 0 changed since sign-off.');
    const json = JSON.parse((await signoff(['verify', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ ok: false, broken: [{ key: `${code}-SO-1` }] });
    await t.deps.handle.raw("update uat_signoffs set conditions = 'Receipts wrong' where key = $1", [`${code}-SO-1`]);
    expect((await signoff(['verify', '--product', code])).code).toBe(0);
  });

  it('exits 1 when signed content changed since the sign-off', async () => {
    await t.deps.handle.raw("update stories set title = 'Changed', revision = 2 where key = $1", [`${code}-S-2`]);
    const out = await signoff(['verify', '--product', code]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`CHANGED  ${code}-S-2: signed at revision 1 in ${code}-SO-2, now revision 2`);
  });

  it('exits 2 with one line on bad usage or an unknown product', async () => {
    const cases: [string[], string][] = [
      [['verify', '--product', 'NOPE-X'], "pistudio: signoff verify: unknown product 'NOPE-X'\n"],
      [['verify', '--format', 'xml'], "pistudio: signoff verify: unknown --format 'xml' (expected text or json)\n"],
      [['verify', '--product', ''], 'pistudio: signoff verify: --product needs a product code (1 to 60 characters)\n'],
      [
        ['verify', '--bogus'],
        "pistudio: signoff verify: unknown option --bogus (see 'pistudio signoff verify --help')\n",
      ],
      [
        ['verify', 'extra'],
        "pistudio: signoff verify: unexpected argument 'extra' (see 'pistudio signoff verify --help')\n",
      ],
      [['check'], "pistudio: signoff: unknown command 'check' (see 'pistudio signoff --help')\n"],
      [[], "pistudio: signoff: missing command, e.g. 'signoff verify' (see 'pistudio signoff --help')\n"],
    ];
    for (const [argv, line] of cases) expect(await signoff(argv)).toEqual({ code: 2, stdout: '', stderr: line });
  });

  it('prints its help', async () => {
    const help = await signoff(['verify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pistudio signoff verify [--product CODE] [--format text|json]');
  });

  it('opens the data directory like the other data commands: none there is exit 1, an empty one verifies', async () => {
    const missing = await signoff(['verify', '--data-dir', path.join(work, 'missing')], 'configured');
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `pistudio: there is no database in ${path.join(work, 'missing')} to verify\n`,
    });
    const dir = path.join(work, 'data');
    const [{ withDatabase, commandConfig }, { migrate }] = await Promise.all([
      import('../runtime.ts'),
      import('@pi-studio/server/db/migrate'),
    ]);
    await withDatabase(commandConfig(dir), (deps) => migrate(deps.handle));
    const empty = await signoff(['verify', '--data-dir', dir, '--format', 'json'], 'configured');
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual({
      ok: true,
      checked: 0,
      broken: [],
      changedSinceSignoff: [],
      evidence: [],
    });
  }, 120_000);
});
