// What the file commands' tests share: a scratch folder removed after the file's tests, files written into it, and
// a command run in-process with its output captured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export type Captured = { code: number; stdout: string; stderr: string };
type Io = { stdout(text: string): void; stderr(text: string): void };

/** A scratch folder for this test file; `file` writes into it and answers the full path. */
export function scratch(prefix: string) {
  const work = mkdtempSync(path.join(tmpdir(), `pistudio-${prefix}-`));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return {
    work,
    file(name: string, content: string | Uint8Array): string {
      const full = path.join(work, name);
      writeFileSync(full, content);
      return full;
    },
  };
}

/** Runs a command's entry point with its output captured. */
export async function captured(run: (argv: string[], io: Io) => Promise<number>, argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}
