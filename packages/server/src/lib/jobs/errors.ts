// Why a job did not produce a result, as a stable code. The pool never lets a job's failure escape as a bare
// worker error: callers map these codes to their own error style (problem+json, a CLI line).

export type JobErrorCode =
  /** The queue is full or the job waited too long for a free worker: try again later (HTTP 503). */
  | 'busy'
  /** The job ran past its time limit; its worker was terminated and replaced. */
  | 'timeout'
  /** The job's worker hit its heap limit and was replaced. */
  | 'out_of_memory'
  /** The worker died for another reason (a native crash, an exit from inside the job). */
  | 'crashed'
  /** The pool was closed (shutdown) before the job finished. */
  | 'closed';

export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    readonly job: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JobError';
  }

  /** The input made the job too expensive (time or memory): the caller's fault, not the server's. */
  get tooExpensive(): boolean {
    return this.code === 'timeout' || this.code === 'out_of_memory' || this.code === 'crashed';
  }
}
