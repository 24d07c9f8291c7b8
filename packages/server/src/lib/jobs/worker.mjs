// The entry every pool worker runs. Plain JavaScript on purpose: a worker thread does not inherit the loader
// hooks of the thread that started it, so when the registry is TypeScript (running from source: vitest,
// `node --import tsx`) it registers tsx itself and only then imports the registry. The built CLI
// (packages/cli/dist, scripts/build-cli.mjs) runs a copy of this file with the built job-registry.js: nothing is
// compiled there. The same file works on Node 20, 22 and 24.
import { parentPort, workerData } from 'node:worker_threads';

if (String(workerData.registry).endsWith('.ts')) (await import('tsx/esm/api')).register();

/** @type {Record<string, () => Promise<(input: unknown) => unknown>> | undefined} */
let registry;

/**
 * Runs one job. Expected outcomes are data the job returns; an exception here is a bug in the job, sent back as
 * `{ error }` so the caller can tell it from the worker dying (time or memory limit), which piscina reports by
 * rejecting the task.
 * @param {{ id: number; name: string; input: unknown }} task
 */
export default async function runJob({ id, name, input }) {
  // The caller's time limit starts now, not when the job was queued: waiting for a free worker is not the
  // input's fault.
  parentPort?.postMessage({ pistudioJobStarted: id });
  try {
    registry ??= (await import(workerData.registry)).jobs;
    const load = registry?.[name];
    if (!load) throw new Error(`unknown job ${name}`);
    const job = await load();
    return { value: await job(input) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { error: { name: e.name, message: e.message, stack: e.stack } };
  }
}
