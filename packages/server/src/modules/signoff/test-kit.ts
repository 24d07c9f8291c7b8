// Test-only helpers for the sign-off tests: stories, UAT sessions, cases, runs and defects written straight into
// the database (the UAT module's own routes are tested there), so these tests depend on nothing but the schema.
import type { DbHandle } from '../../db/client.ts';

type Raw = Pick<DbHandle, 'raw'>;

async function one<T>(rows: Promise<Record<string, unknown>[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error('insert returned nothing');
  return row as T;
}

export async function productIdOf(db: Raw, code: string): Promise<string> {
  return (await one<{ id: string }>(db.raw('select id from products where code = $1', [code]))).id;
}

export type SeededStory = { id: string; key: string };

/** `count` stories numbered from `from`, all in `status` (a release signs the done ones). */
export async function addStories(
  db: Raw,
  code: string,
  count: number,
  opts: { from?: number; status?: string; type?: string } = {},
): Promise<SeededStory[]> {
  const productId = await productIdOf(db, code);
  const out: SeededStory[] = [];
  for (let i = 0; i < count; i++) {
    const n = (opts.from ?? 1) + i;
    const key = `${code}-S-${n}`;
    out.push(
      await one<SeededStory>(
        db.raw(
          `insert into stories (product_id, number, key, type, title, narrative, acceptance, priority, status)
           values ($1, $2, $3, $4, $5, 'As a buyer I want to pay', 'Given a card When I pay Then it is charged', 'must', $6)
           returning id, key`,
          [productId, n, key, opts.type ?? 'story', `Story ${n} of ${code}`, opts.status ?? 'done'],
        ),
      ),
    );
  }
  return out;
}

export type SeededSession = { id: string; key: string; caseKeys: string[] };

/**
 * UAT session number `number` of `build` with one case per story (the first fails, raises a defect and passes its
 * retest; the others pass), and `extraCases` cases without a story.
 */
export async function addSession(
  db: Raw,
  code: string,
  number: number,
  build: string,
  storyList: readonly SeededStory[],
  opts: { extraCases?: number; caseOffset?: number } = {},
): Promise<SeededSession> {
  const productId = await productIdOf(db, code);
  const key = `${code}-UAT-${number}`;
  const session = await one<{ id: string }>(
    db.raw(
      `insert into uat_sessions (product_id, number, key, title, build_version, status, participants, started_at)
       values ($1, $2, $3, $4, $5, 'running', $6::jsonb, now()) returning id`,
      [
        productId,
        number,
        key,
        `Session ${number}`,
        build,
        JSON.stringify([{ name: 'Ana Tester', userId: null, role: 'tester' }]),
      ],
    ),
  );
  const caseKeys: string[] = [];
  const offset = opts.caseOffset ?? number * 1000;
  const stories: (SeededStory | null)[] = [...storyList, ...Array(opts.extraCases ?? 0).fill(null)];
  for (const [i, story] of stories.entries()) {
    const caseKey = `${code}-TC-${offset + i}`;
    caseKeys.push(caseKey);
    const status = story ? 'pass' : 'untested';
    const c = await one<{ id: string }>(
      db.raw(
        `insert into uat_cases (session_id, product_id, number, key, title, story_id, story_key, story_revision, position, status)
         values ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) returning id`,
        [session.id, productId, offset + i, caseKey, `Case ${i}`, story?.id ?? null, story?.key ?? null, i, status],
      ),
    );
    if (!story) continue;
    const run = await one<{ id: string }>(
      db.raw(
        `insert into uat_runs (case_id, session_id, kind, result, notes, tester_name)
         values ($1, $2, 'run', $3, $4, 'Ana Tester') returning id`,
        [c.id, session.id, i === 0 ? 'fail' : 'pass', i === 0 ? 'Declined card shows error 500' : ''],
      ),
    );
    if (i !== 0) continue;
    const retest = await one<{ id: string }>(
      db.raw(
        `insert into uat_runs (case_id, session_id, kind, result, tester_name) values ($1, $2, 'retest', 'pass', 'Ana Tester') returning id`,
        [c.id, session.id],
      ),
    );
    await db.raw(
      `insert into uat_defects (session_id, case_id, bug_key, opened_run_id, state, retest_run_id)
       values ($1, $2, $3, $4, 'verified', $5)`,
      [session.id, c.id, `${code}-BUG-${number}`, run.id, retest.id],
    );
  }
  return { id: session.id, key, caseKeys };
}

export const setStage = (db: Raw, code: string, stage: string) =>
  db.raw('update products set stage = $1 where code = $2', [stage, code]);

export const setOwner = (db: Raw, code: string, userId: string | null) =>
  db.raw('update products set po_id = $1 where code = $2', [userId, code]);

/** A minimal well-formed PDF (what evidence uploads check: the header and the %%EOF trailer). */
export const TINY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A multipart body with one `file` field. */
export function fileForm(bytes: Uint8Array | string, name: string, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return form;
}
