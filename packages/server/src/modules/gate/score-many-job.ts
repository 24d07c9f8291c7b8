// Batches for the CLI's parallel gate (`pistudio gate DIR`, packages/cli/src/gate/score-all.ts): pure scoring, no
// Golden citations. A small module of its own, so a worker loads the engine and nothing else.
import { type JsonResult, jsonResult } from '@pi-studio/core/gate/format/json-results';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { GateReport } from '@pi-studio/core/gate/types';

export type ScoreManyInput = { bodies: string[]; rubric: Rubric };
export type ScoreManyJsonInput = ScoreManyInput & { files: string[] };

/** The reports of a batch of documents. */
export const scoreManyJob = (input: ScoreManyInput): GateReport[] =>
  input.bodies.map((body) => scoreDocument(body, input.rubric));

/** A batch scored and rendered for `--format json`: strings are cheap to send back and to keep. */
export const scoreManyJsonJob = (input: ScoreManyJsonInput): JsonResult[] =>
  input.bodies.map((body, i) => jsonResult(input.files[i] as string, scoreDocument(body, input.rubric)));
