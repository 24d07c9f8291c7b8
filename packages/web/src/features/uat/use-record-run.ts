import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunnerTarget, UatRunBody, UatRunRecorded, UatScreenshot } from './api.ts';
import { uatKeys } from './queries.ts';
import type { CheckedScreenshot } from './screenshot-check.ts';

export type RecordRunInput = { caseKey: string; body: UatRunBody; screenshots: CheckedScreenshot[] };
export type RecordRunResult = UatRunRecorded & { uploaded: UatScreenshot[] };

/**
 * Records a result, then uploads its screenshots one by one (the run must exist before a file can hang on it). A
 * failed upload fails the mutation but keeps the result: the error says so, and the runner shows the run.
 * `refresh`: the other lists the result changes (the session's counts and defects, or the guest's page).
 */
export function useRecordRun(target: RunnerTarget, refresh: readonly (readonly unknown[])[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ caseKey, body, screenshots }: RecordRunInput): Promise<RecordRunResult> => {
      const recorded = await target.recordRun(caseKey, body);
      const uploaded: UatScreenshot[] = [];
      for (const s of screenshots) {
        try {
          uploaded.push(await target.uploadScreenshot(recorded.run.id, s.file, s.type, s.name));
        } catch (err) {
          throw new Error(`The result was saved, but ${s.name} could not be uploaded: ${messageOf(err)}`);
        }
      }
      return { ...recorded, uploaded };
    },
    onSettled: () =>
      Promise.all([uatKeys.target(target), ...refresh].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : 'unknown error');
