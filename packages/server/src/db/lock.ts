// Two processes on one PGlite directory silently lose committed rows, so the server holds an
// exclusive lock on the data directory for as long as it runs.
import fs from 'node:fs';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(`data directory ${dir} is in use by another PI Studio process; stop it or set PISTUDIO_DATA_DIR`);
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, { lockfilePath: `${dir}/.pistudio.lock`, stale: 15_000, update: 5_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw err;
  }
}
