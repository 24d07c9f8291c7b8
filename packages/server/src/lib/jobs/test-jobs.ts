// Test-only registry for pool.test.ts: jobs that misbehave on purpose (spin forever, eat the heap, throw, exit).
import type { JobModules } from './pool.ts';

export const jobs = {
  echo: async () => (input: { text: string }) => ({ text: input.text, thread: 'worker' }),
  sleep: async () => (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(ms), ms)),
  spin: async () => (_: null) => {
    for (;;) {
      // A job stuck on the CPU: only terminating its worker stops it.
    }
  },
  hog: async () => (_: null) => {
    const held: number[][] = [];
    for (;;) held.push(Array.from({ length: 100_000 }, (_, i) => i));
  },
  boom: async () => (_: null) => {
    throw new Error('a bug in the job');
  },
  exit: async () => (_: null) => process.exit(3),
} satisfies JobModules;

export type TestJobs = typeof jobs;
