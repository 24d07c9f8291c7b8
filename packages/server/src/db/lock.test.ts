// The data-directory lock: who may take it, who is refused, and that racing processes never both win.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, type LockOwner, lockDataDir, ownerRecord, processStartTime } from './lock.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-lockunit-'));
const children: ChildProcess[] = [];
let n = 0;
const freshDir = () => path.join(root, `d${++n}`);

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

function writeOwner(dir: string, owner: LockOwner | string, name = LOCK_FILE) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), typeof owner === 'string' ? owner : JSON.stringify(owner));
}

/** A process that ran and is gone: its pid is free (and, for the test's short life, not reused). */
async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => c.on('exit', resolve));
  return c.pid as number;
}

/** A process that keeps running until the test file ends. */
function livePid(): number {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
  children.push(c);
  return c.pid as number;
}

const refusal = async (dir: string) => {
  const err = await lockDataDir(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataDirLockedError);
  return (err as Error).message;
};

describe('lockDataDir', () => {
  it('records its owner and releases only its own lock', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(stored).toEqual(lock.owner);
    expect(stored).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    if (process.platform === 'linux') expect(stored.startTime).toBe(processStartTime(process.pid));
    expect(lock.previousOwner).toBeNull();
    expect(await lock.release()).toBe(true);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(await lock.release()).toBe(false);

    // A lock file replaced by hand is left alone by the one it no longer names.
    const again = await lockDataDir(dir);
    const other = { ...ownerRecord(await deadPid()), id: 'someone-else' };
    writeOwner(dir, other);
    expect(await again.release()).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toEqual(other);
  });

  it('refuses while the owner runs: this process, or another one however long it has been silent', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir);
    expect(await refusal(dir)).toMatch(
      new RegExp(`^data directory ${dir} is in use by another PI Studio process \\(pid ${process.pid} since `),
    );
    await lock.release();

    const pid = livePid();
    await new Promise((r) => setTimeout(r, 50));
    // Written an hour ago: age means nothing, only whether the owner runs.
    writeOwner(dir, { ...ownerRecord(pid), since: new Date(Date.now() - 3_600_000).toISOString() });
    expect(await refusal(dir)).toMatch(/is in use by another PI Studio process \(pid \d+ since .*\); stop it or set/);
    // Without a start time to compare, a running pid is taken to be the owner.
    writeOwner(dir, { ...ownerRecord(pid), startTime: null });
    expect(await refusal(dir)).toContain(`(pid ${pid} since`);
  });

  it('takes over at once from an owner that is gone', async () => {
    const dir = freshDir();
    const dead = ownerRecord(await deadPid());
    writeOwner(dir, dead);
    const lock = await lockDataDir(dir);
    expect(lock.previousOwner).toEqual(dead);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toEqual(lock.owner);
    await lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'takes over when the pid runs but is another process (pid reuse)',
    async () => {
      const dir = freshDir();
      // Our own pid with a start time that is not ours: what a reused pid looks like.
      const reused = { ...ownerRecord(process.pid), startTime: '1' };
      writeOwner(dir, reused);
      const lock = await lockDataDir(dir);
      expect(lock.previousOwner).toEqual(reused);
      await lock.release();
    },
  );

  it('refuses an owner on another host, which it cannot check, and says what to do', async () => {
    const dir = freshDir();
    writeOwner(dir, { ...ownerRecord(await deadPid()), hostname: 'build-box-7' });
    const message = await refusal(dir);
    expect(message).toMatch(/is in use by another PI Studio process \(pid \d+ on build-box-7 since /);
    expect(message).toContain(`delete ${path.join(dir, LOCK_FILE)} if it no longer runs`);
  });

  it('reports a lock file it cannot read in one line naming the file, and leaves it alone', async () => {
    for (const content of ['', 'garbage', '{"pid":"12"}', JSON.stringify({ ...ownerRecord(), pid: -1 })]) {
      const dir = freshDir();
      writeOwner(dir, content);
      const message = await refusal(dir);
      expect(message).toBe(
        `lock file ${path.join(dir, LOCK_FILE)} cannot be read (it is not a PI Studio lock record); if no PI Studio process uses ${dir}, delete that file and start again`,
      );
      expect(message).not.toContain('\n');
      expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(content);
    }
  });

  it('says so in one line when the directory cannot be created', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    expect(await refusal(path.join(file, 'data'))).toMatch(
      /^cannot lock data directory .*a-file\/data \(ENOTDIR\); check that it exists and this user may write to it$/,
    );
  });

  it('finishes a takeover whose taker died half-way, and refuses while a live one is taking over', async () => {
    const dir = freshDir();
    const dead = ownerRecord(await deadPid());
    const deadTaker = ownerRecord(await deadPid());
    writeOwner(dir, dead);
    writeOwner(dir, deadTaker, `${LOCK_FILE}.claim-${dead.id}`);
    const lock = await lockDataDir(dir);
    expect(lock.previousOwner).toEqual(dead);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.claim-'))).toEqual([]);
    await lock.release();

    const dir2 = freshDir();
    writeOwner(dir2, dead);
    const liveTaker = ownerRecord(livePid());
    await new Promise((r) => setTimeout(r, 50));
    writeOwner(dir2, { ...liveTaker, startTime: processStartTime(liveTaker.pid) }, `${LOCK_FILE}.claim-${dead.id}`);
    expect(await refusal(dir2)).toContain(
      `(pid ${liveTaker.pid} since ${liveTaker.since}, taking over from stopped pid ${dead.pid})`,
    );
  });

  it('honours a lock directory of older versions while it is fresh and clears it once stale', async () => {
    const dir = freshDir();
    const legacy = path.join(dir, LOCK_FILE);
    fs.mkdirSync(legacy, { recursive: true });
    expect(await refusal(dir)).toMatch(/is in use by an older PI Studio process/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(legacy, old, old);
    const lock = await lockDataDir(dir);
    expect(fs.statSync(legacy).isFile()).toBe(true);
    await lock.release();
  });

  it('lets exactly one of two acquirers in this process win', async () => {
    const dir = freshDir();
    writeOwner(dir, ownerRecord(await deadPid()));
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(DataDirLockedError);
  });
});

// Separate processes racing for real: each loads the module, waits for "go" on stdin, tries once, reports, and
// a winner holds the lock until its stdin closes (a winner that exited would rightly be taken over).
const LOCK_MODULE = fileURLToPath(new URL('./lock.ts', import.meta.url));
const RACER = `
const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  try {
    await lockDataDir(process.argv[1]);
    process.stdout.write('won\\n');
    process.stdin.once('end', () => process.exit(0));
  } catch (err) {
    process.stdout.write(\`lost \${err.constructor.name}: \${err.message}\\n\`);
    process.exit(0);
  }
});
`;

function racer(dir: string) {
  const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RACER, dir], {
    cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(c);
  const closed = new Promise((resolve) => c.once('close', resolve));
  let out = '';
  const said = (word: string) =>
    new Promise<string>((resolve) => {
      const check = () => {
        const line = out.split('\n').find((l) => l.startsWith(word));
        if (line !== undefined) resolve(line);
      };
      c.stdout?.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        check();
      });
      check();
    });
  const ready = said('ready');
  const result = Promise.race([said('won'), said('lost')]);
  return { c, ready, result, closed };
}

describe('racing processes', { timeout: 120_000 }, () => {
  it.each([
    ['an empty directory', async (_dir: string) => {}],
    ['the lock of a crashed owner', async (dir: string) => writeOwner(dir, ownerRecord(await deadPid()))],
  ])('over %s: exactly one of six wins, the others are refused in one line', async (_what, prepare) => {
    for (let round = 0; round < 2; round++) {
      const dir = freshDir();
      fs.mkdirSync(dir, { recursive: true });
      await prepare(dir);
      const racers = Array.from({ length: 6 }, () => racer(dir));
      await Promise.all(racers.map((r) => r.ready));
      for (const r of racers) r.c.stdin?.write('go\n');
      const results = await Promise.all(racers.map((r) => r.result));
      expect(
        results.filter((r) => r === 'won'),
        results.join('\n'),
      ).toHaveLength(1);
      for (const r of results.filter((x) => x !== 'won')) {
        expect(r).toMatch(
          /^lost DataDirLockedError: data directory .* is in use by another PI Studio process \(pid \d+/,
        );
      }
      const winner = racers[results.indexOf('won')];
      const stored = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
      expect(stored.pid).toBe(winner?.c.pid);
      expect(fs.readdirSync(dir).filter((f) => f !== LOCK_FILE)).toEqual([]);
      for (const r of racers) r.c.stdin?.end();
      await Promise.all(racers.map((r) => r.closed));
    }
  });
});
