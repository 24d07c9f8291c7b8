// Every job the pool can run, by name. Adding one: write a function
// taking one structured-cloneable input and returning structured-cloneable data (refusals as data, not thrown
// errors), and list it here. Lazy imports: a worker loads only what the jobs it runs need (mammoth stays out of a
// worker that only diffs).
import type { JobModules } from './pool.ts';

export const jobs = {
  'docx.toMarkdown': async () => (await import('../docx-convert.ts')).convertDocx,
  'documents.diff': async () => (await import('../../modules/documents/diff-job.ts')).diffResponseJson,
  'gate.score': async () => (await import('../../modules/gate/reviews/score-job.ts')).scoreJob,
  'gate.scoreMany': async () => (await import('../../modules/gate/score-many-job.ts')).scoreManyJob,
  'gate.scoreManyJson': async () => (await import('../../modules/gate/score-many-job.ts')).scoreManyJsonJob,
  'backlog.parseJira': async () => (await import('../../modules/backlog/exchange/parse-job.ts')).parseJiraJob,
  'feedback.parseExport': async () => (await import('../../modules/feedback/imports/parse-job.ts')).parseExportJob,
  'handover.validatePack': async () => (await import('../../modules/handover/packs/validate-job.ts')).validatePackJob,
  'handover.renderPackage': async () =>
    (await import('../../modules/handover/package/export/render-job.ts')).renderPackageJob,
} satisfies JobModules;

export type Jobs = typeof jobs;
