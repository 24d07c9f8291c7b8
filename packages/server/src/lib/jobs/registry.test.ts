// Every registered job gives in a worker exactly what it gives inline, so choosing the pool for a large input
// (diff, gate) changes where the work runs, never the answer.
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { longPrd } from '../../../test/heavy-inputs.ts';
import { diffFitsInline, diffResponseJson } from '../../modules/documents/diff-job.ts';
import { GATE_INLINE_MAX_CHARS, scoreJob } from '../../modules/gate/reviews/score-job.ts';
import { convertDocx } from '../docx-convert.ts';
import { createJobPool } from './pool.ts';

const jobs = createJobPool({ maxThreads: 1 });
afterAll(() => jobs.close());

describe('the job registry', () => {
  it('documents.diff: same JSON from the worker as inline; large diffs do not fit inline', async () => {
    const oldText = longPrd(60_000, 1);
    const newText = oldText.replace(/FR-3\b/g, 'FR-3b');
    const input = { from: '1.0', to: '1.1', oldText, newText };
    expect(diffFitsInline(input)).toBe(false);
    expect(diffFitsInline({ ...input, oldText: 'a\nb\n', newText: 'a\nc\n' })).toBe(true);
    expect(diffFitsInline({ ...input, oldText: '\n'.repeat(400), newText: '\n'.repeat(400) })).toBe(false);
    const viaPool = await jobs.run('documents.diff', input);
    expect(viaPool).toBe(diffResponseJson(input));
    expect(JSON.parse(viaPool)).toMatchObject({ from: '1.0', to: '1.1', stats: { added: 1, removed: 1 } });
  });

  it('gate.score: same report and citations from the worker as inline', async () => {
    const body = longPrd(GATE_INLINE_MAX_CHARS * 2, 3);
    const input = { body, rubric: DEFAULT_RUBRIC, golden: [], where: { subsidiary: 'EMX', productType: 'web_app' } };
    expect(await jobs.run('gate.score', input)).toEqual(scoreJob(input));
  });

  it('docx.toMarkdown: same Markdown from the worker as inline, refusals as data', async () => {
    const docx = buildDocx([{ heading: 1, text: 'Payouts PRD' }, { text: 'Merchants wait.' }]);
    expect(await jobs.run('docx.toMarkdown', docx)).toEqual(await convertDocx(docx));
    expect(await jobs.run('docx.toMarkdown', new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      code: 'not_zip',
      reason: 'not a zip archive',
    });
  });
});
