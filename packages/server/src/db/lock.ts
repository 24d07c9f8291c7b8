// Two processes on one PGlite directory silently lose committed rows, so every process that opens it holds an
// exclusive lock on the data directory for as long as it runs. The lock is a file naming its owner (pid, process
// start time, host, a random id). It never expires by time: a paused or overloaded owner keeps it. It is taken
// over only when its owner is provably gone, so a restart after a crash starts at once (ADR 0007).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = '.pistudio.lock';

/** What the lock file holds: enough to tell whether its owner still runs, and to tell a person who it is. */
export type LockOwner = { pid: number; startTime: string | null; hostname: string; id: string; since: string };

/** The data directory cannot be used because of its lock; the message says why and what to do (CLI exit 1). */
export class DataDirLockedError extends Error {}

export type DataDirLock = {
  file: string;
  owner: LockOwner;
  /** The crashed process whose lock this one replaced, if any. */
  previousOwner: LockOwner | null;
  /** Removes the lock file if it is still ours; false when it was gone, replaced by someone else, or not removable. */
  release: () => Promise<boolean>;
};

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); null where unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name) may hold spaces and parentheses: count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function ownerRecord(pid = process.pid): LockOwner {
  return {
    pid,
    startTime: processStartTime(pid),
    hostname: os.hostname(),
    id: randomUUID(),
    since: new Date().toISOString(),
  };
}

type OwnerState = 'running' | 'gone' | 'elsewhere';

/**
 * Whether the owner still runs. Only a process on this host can be checked; a pid that runs but started at
 * another time is a reused pid, so the owner is gone. When in doubt the answer is 'running': refusing to start
 * costs a person a minute, two processes on one directory cost data.
 */
export function ownerState(owner: LockOwner): OwnerState {
  if (owner.hostname !== os.hostname()) return 'elsewhere';
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    // EPERM: the pid runs under another user; it may still be a reused pid, decided below.
  }
  if (owner.startTime === null) return 'running';
  const startTime = processStartTime(owner.pid);
  return startTime !== null && startTime !== owner.startTime ? 'gone' : 'running';
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner> | null;
    const valid =
      typeof o === 'object' &&
      o !== null &&
      Number.isSafeInteger(o.pid) &&
      (o.pid as number) > 0 &&
      (o.startTime === null || typeof o.startTime === 'string') &&
      typeof o.hostname === 'string' &&
      typeof o.id === 'string' &&
      o.id.length > 0 &&
      typeof o.since === 'string';
    return valid ? (o as LockOwner) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function unreadable(dir: string, file: string, why: string) {
  return new DataDirLockedError(
    `lock file ${file} cannot be read (${why}); if no PI Studio process uses ${dir}, delete that file and start again`,
  );
}

/**
 * The owner recorded in `file`, or null when there is no such file. Files are written whole (link of a complete
 * temporary file), but where hard links are unsupported a reader may catch one half-written: read again briefly
 * before calling it broken.
 */
async function readOwner(dir: string, file: string): Promise<LockOwner | null> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw unreadable(dir, file, code ?? String(err));
    }
    const owner = parseOwner(text);
    if (owner) return owner;
    if (attempt >= 5) throw unreadable(dir, file, 'it is not a PI Studio lock record');
    await sleep(20);
  }
}

const TMP_PREFIX = `${LOCK_FILE}.tmp-`;
const CLAIM_PREFIX = `${LOCK_FILE}.claim-`;

/** A complete, synced temporary file beside `file`; its name carries our pid so leftovers can be cleared. */
function writeTemp(file: string, content: string): string {
  const tmp = path.join(path.dirname(file), `${TMP_PREFIX}${process.pid}-${randomUUID()}`);
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

const removeQuietly = (file: string) => fs.rmSync(file, { force: true });

/** Creates `file` holding `content` unless it exists; readers never see it half-written. */
function createExclusive(file: string, content: string): boolean {
  const tmp = writeTemp(file, content);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw err;
    // A file system without hard links: O_EXCL create is just as exclusive, only not atomic for readers.
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    removeQuietly(tmp);
  }
}

function inUse(dir: string, owner: LockOwner, note = '') {
  const where = owner.hostname === os.hostname() ? '' : ` on ${owner.hostname}`;
  return new DataDirLockedError(
    `data directory ${dir} is in use by another PI Studio process (pid ${owner.pid}${where} since ${owner.since}${note}); stop it or set PISTUDIO_DATA_DIR`,
  );
}

function refuseUnlessGone(dir: string, file: string, owner: LockOwner) {
  const state = ownerState(owner);
  if (state === 'running') throw inUse(dir, owner);
  if (state === 'elsewhere') {
    throw new DataDirLockedError(
      `data directory ${dir} is in use by another PI Studio process (pid ${owner.pid} on ${owner.hostname} since ${owner.since}); stop it there, or delete ${file} if it no longer runs`,
    );
  }
}

/**
 * Wins the sole right to replace the dead owner `root`. The right is the file `claim-<root id>`, created with
 * O_EXCL, so exactly one process gets it. If its creator died before finishing, the right passes through
 * `claim-<creator id>`, and so on: a chain in which every link is created exactly once. Returns the claim files
 * walked (the last one ours), or null when a claim vanished under us (a winner cleaned up; start over).
 */
async function claimRight(dir: string, root: LockOwner, me: LockOwner): Promise<string[] | null> {
  const walked: string[] = [];
  let target = root;
  for (;;) {
    const claim = path.join(dir, `${CLAIM_PREFIX}${target.id}`);
    walked.push(claim);
    if (createExclusive(claim, JSON.stringify(me))) return walked;
    const holder = await readOwner(dir, claim);
    if (holder === null) return null;
    if (ownerState(holder) !== 'gone') throw inUse(dir, holder, `, taking over from stopped pid ${root.pid}`);
    target = holder;
  }
}

/**
 * A lock directory left by PI Studio versions before ADR 0007 (proper-lockfile, refreshed every 5 s, stale after
 * 15 s). Honoured while fresh so an old server still running is not overrun during an upgrade.
 */
function clearLegacyLock(dir: string, file: string) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return;
  }
  if (!stat.isDirectory()) return;
  const age = Date.now() - stat.mtimeMs;
  if (age < 20_000) {
    throw new DataDirLockedError(
      `data directory ${dir} is in use by an older PI Studio process (its lock ${file} was refreshed ${Math.round(age / 1000)} s ago); stop it or set PISTUDIO_DATA_DIR`,
    );
  }
  try {
    fs.rmdirSync(file);
  } catch (err) {
    if (!['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
}

/** Clears claims and temporary files nobody needs once we own the lock: claims on owners that are gone. */
function sweep(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(CLAIM_PREFIX)) removeQuietly(path.join(dir, name));
    else if (name.startsWith(TMP_PREFIX)) {
      const pid = Number(name.slice(TMP_PREFIX.length).split('-')[0]);
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) {
        removeQuietly(path.join(dir, name));
      }
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function held(dir: string, file: string, owner: LockOwner, previousOwner: LockOwner | null): DataDirLock {
  sweep(dir);
  return {
    file,
    owner,
    previousOwner,
    release: async () => {
      // Never throws: it runs after the database is closed, and a lock file left behind is harmless (the next
      // start sees its owner gone and takes it over).
      try {
        if ((await readOwner(dir, file))?.id !== owner.id) return false;
        removeQuietly(file);
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function acquire(dir: string, file: string, me: LockOwner): Promise<DataDirLock> {
  const content = JSON.stringify(me);
  for (let round = 0; round < 10; round++) {
    clearLegacyLock(dir, file);
    if (createExclusive(file, content)) return held(dir, file, me, null);
    const current = await readOwner(dir, file);
    if (current === null) continue; // released between our attempt and our read
    refuseUnlessGone(dir, file, current);
    const claims = await claimRight(dir, current, me);
    if (claims === null) continue;
    // Holding the right to replace `current`: nobody else can change the file while it still names it.
    if ((await readOwner(dir, file))?.id === current.id) {
      fs.renameSync(writeTemp(file, content), file);
      for (const claim of claims) removeQuietly(claim);
      if ((await readOwner(dir, file))?.id !== me.id) {
        throw new DataDirLockedError(`lock file ${file} was changed by hand while PI Studio took it over; try again`);
      }
      return held(dir, file, me, current);
    }
    removeQuietly(claims[claims.length - 1] as string);
  }
  throw new DataDirLockedError(
    `data directory ${dir} changed hands ten times while PI Studio tried to lock it; try again`,
  );
}

/** Takes the data directory's lock or throws DataDirLockedError with one line saying why and what to do. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, LOCK_FILE);
  try {
    fs.mkdirSync(dir, { recursive: true });
    return await acquire(dir, file, ownerRecord());
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new DataDirLockedError(
      `cannot lock data directory ${dir} (${e.code ?? e.message}); check that it exists and this user may write to it`,
    );
  }
}
