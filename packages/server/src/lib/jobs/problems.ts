// How a request answers when its job could not finish: the input's fault (time or memory limit) is a 422 naming
// the field it came from; a full pool is a 503 with Retry-After, never a 500 and never a wait without end.
import { Busy, Invalid } from '../../use-case/errors.ts';
import { JobError } from './errors.ts';

export const BUSY_RETRY_AFTER_SECONDS = 5;

const WHY: Record<string, string> = {
  timeout: 'processing it ran past the time limit',
  out_of_memory: 'processing it needed more memory than allowed',
  crashed: 'processing it crashed the worker',
};

export const busyProblem = () =>
  new Busy(
    `the server is busy with other heavy work; try again in ${BUSY_RETRY_AFTER_SECONDS} seconds`,
    BUSY_RETRY_AFTER_SECONDS,
  );

/** `err` as the problem to answer when it is a JobError; anything else is returned as it is (rethrow it). */
export function jobProblem(err: unknown, tooComplex: { code: string; field: string; what: string }): unknown {
  if (!(err instanceof JobError)) return err;
  if (!err.tooExpensive) return busyProblem();
  const reason = WHY[err.code] ?? 'too complex to process';
  return new Invalid(
    [{ name: tooComplex.field, reason }],
    tooComplex.code,
    `${tooComplex.what} is too complex: ${reason}`,
  );
}
