// Scoring many files at once (`pistudio gate DIR` in CI): the main thread and the job pool's workers take batches
// from one queue, so every core works and a slow batch never leaves the others idle. Few files score inline:
// starting a worker costs more than it saves below PARALLEL_FROM files. So do machines with fewer than
// PARALLEL_MIN_CORES cores: on two cores, two scoring threads (or two processes) finished 1,000 PRDs later than one
// thread alone (measured; scoring allocates heavily and the two contend for memory and the garbage collector;
// measured again with threads that load only the engine and compile the rubric once: still slower).
import { availableParallelism } from 'node:os';
import { type JsonResult, jsonResult } from '@pi-studio/core/gate/format/json-results';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { GateReport } from '@pi-studio/core/gate/types';
import type { JobRunner } from '@pi-studio/server/lib/jobs/pool';

/** Below this many files the gate scores inline (measured: a worker's start-up is ~60 ms, a PRD ~5 ms). */
export const PARALLEL_FROM = 48;
export const PARALLEL_MIN_CORES = 3;
const BATCH_DOCUMENTS = 16;
/** A batch is also cut at this many characters, so one worker does not get all the long documents. */
const BATCH_CHARS = 400_000;

/** The reports of `texts`, in order. */
export function scoreAll(
  texts: readonly string[],
  rubric: Rubric,
  jobs: JobRunner,
  cores = availableParallelism(),
): Promise<GateReport[]> {
  return inBatches(
    texts,
    (i) => scoreDocument(texts[i] as string, rubric),
    (from, to) => jobs.run('gate.scoreMany', { bodies: texts.slice(from, to), rubric }),
    cores,
  );
}

/**
 * `--format json`: each file scored and rendered at once (files[i] is the name texts[i] is shown under), so
 * neither the reports nor their copies from the workers pile up in this thread.
 */
export function scoreAllJson(
  texts: readonly string[],
  files: readonly string[],
  rubric: Rubric,
  jobs: JobRunner,
  cores = availableParallelism(),
): Promise<JsonResult[]> {
  return inBatches(
    texts,
    (i) => jsonResult(files[i] as string, scoreDocument(texts[i] as string, rubric)),
    (from, to) =>
      jobs.run('gate.scoreManyJson', { bodies: texts.slice(from, to), files: files.slice(from, to), rubric }),
    cores,
  );
}

/**
 * Starts the workers while the files are read, when there will be enough of them to score in parallel: each loads
 * the engine on an empty batch, so the first real batch does not pay for it.
 */
export function warmUp(files: number, rubric: Rubric, jobs: JobRunner, cores = availableParallelism()): void {
  if (files < PARALLEL_FROM || cores < PARALLEL_MIN_CORES) return;
  for (let i = 1; i < cores; i++) jobs.run('gate.scoreMany', { bodies: [], rubric }).catch(() => undefined);
}

async function inBatches<T>(
  texts: readonly string[],
  inline: (i: number) => T,
  inWorker: (from: number, to: number) => Promise<T[]>,
  cores: number,
): Promise<T[]> {
  const out = new Array<T>(texts.length);
  if (texts.length < PARALLEL_FROM || cores < PARALLEL_MIN_CORES) {
    for (let i = 0; i < texts.length; i++) out[i] = inline(i);
    return out;
  }
  const batches = batchesOf(texts);
  let next = 0;
  const take = () => (next < batches.length ? batches[next++] : undefined);
  const worker = async () => {
    for (let batch = take(); batch; batch = take()) {
      const { from, to } = batch;
      (await inWorker(from, to)).forEach((result, i) => {
        out[from + i] = result;
      });
    }
  };
  const main = async () => {
    for (let batch = take(); batch; batch = take()) {
      for (let i = batch.from; i < batch.to; i++) {
        out[i] = inline(i);
        // After every document, let the workers' answers in and hand them their next batch: a worker left waiting
        // for this thread to look up is a core idle.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  };
  await Promise.all([...Array.from({ length: cores - 1 }, worker), main()]);
  return out;
}

function batchesOf(texts: readonly string[]): { from: number; to: number }[] {
  const batches: { from: number; to: number }[] = [];
  let from = 0;
  let chars = 0;
  texts.forEach((text, i) => {
    chars += text.length;
    if (i + 1 - from >= BATCH_DOCUMENTS || chars >= BATCH_CHARS) {
      batches.push({ from, to: i + 1 });
      from = i + 1;
      chars = 0;
    }
  });
  if (from < texts.length) batches.push({ from, to: texts.length });
  return batches;
}
