// The built CLI (packages/cli/dist, scripts/build-cli.mjs; the Vitest global set-up rebuilds it when stale): what
// runs is JavaScript, and every file the bundled code looks up at run time resolves in the built layout.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, startServer } from '../../server/test/process/cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'packages/cli/bin/pistudio.js');
const dist = path.join(root, 'packages/cli/dist');
const work = mkdtempSync(path.join(tmpdir(), 'pistudio-built-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pistudio = (args: string[], env: NodeJS.ProcessEnv = process.env, binary = bin) =>
  spawnSync(process.execPath, [binary, ...args], { cwd: root, env, encoding: 'utf8' });

describe('the built CLI', () => {
  it('runs JavaScript only: no TypeScript loader in the bundle, TypeScript sources not shipped', () => {
    const files = readdirSync(dist);
    expect(files).toEqual(expect.arrayContaining(['main.js', 'job-registry.js', 'worker.mjs']));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toMatch(/["']tsx(?:\/[\w/]+)?["']/);
    }
    const help = pistudio(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pistudio <command>/);
  });

  it('finds the assets it reads at run time: migrations, the job workers (.docx), the API reference, the web UI', async () => {
    for (const asset of ['migrations/meta/_journal.json', 'api-docs.init.js']) {
      expect(existsSync(path.join(dist, asset)), asset).toBe(true);
    }
    // A .docx is converted by the server's job pool: piscina starts dist/worker.mjs with dist/job-registry.js.
    const docx = path.join(work, 'brief.docx');
    writeFileSync(
      docx,
      buildDocx([
        { heading: 1, text: 'Payout ETA' },
        { heading: 2, text: 'Problem' },
        { text: 'Merchants wait 3.2 days for payouts and 41% of support tickets ask where the money is.' },
      ]),
    );
    const gated = pistudio(['gate', docx, '--format', 'json']);
    expect(gated.stderr).toBe('');
    expect(JSON.parse(gated.stdout).summary.files).toBe(1);

    // `serve` migrates an empty directory (dist/migrations) and serves the API reference (dist/api-docs.init.js).
    const server = await startServer(cliEnv(path.join(work, 'data')));
    try {
      const page = await fetch(`${server.url}/api/docs`);
      expect(page.status).toBe(200);
      const init = /src="([^"]+init\.js)"/.exec(await page.text())?.[1];
      expect(init).toBeDefined();
      expect((await fetch(`${server.url}${init}`)).status).toBe(200);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      // packages/web/dist resolves from the bundle as from the sources: the SPA when built, else the notice.
      const webBuilt = existsSync(path.join(root, 'packages/web/dist/index.html'));
      expect(await home.text()).toMatch(webBuilt ? /<div id="root"/ : /the web UI is not built/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);

  it('says in one line how to build it when dist/ is missing, never a stack trace', () => {
    const copy = path.join(work, 'unbuilt', 'bin', 'pistudio.js');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(bin, copy);
    const r = pistudio(['--help'], process.env, copy);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pistudio: the CLI is not built .*run 'npm run build:cli'.*\n$/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
