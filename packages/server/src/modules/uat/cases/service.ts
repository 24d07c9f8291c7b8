// Test cases of a session (issue #13): generated from the stories' Gherkin (core/uat/cases.ts: a scenario each) or
// written by hand, numbered `<PRODUCT>-TC-<n>` from the product's UAT counter. Each generated case records the story
// and the revision it came from; generating again skips scenarios the session has for the same revision, so a story
// edited since gets cases for its new revision while an unchanged one gets none.
import type { UatCase, UatCaseBody, UatCaseList, UatGenerateBody, UatGenerated } from '@pi-studio/core/contract/uat';
import { casesFromStory } from '@pi-studio/core/uat/cases';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findSprint } from '../../backlog/sprints/repo.ts';
import type { UatProduct } from '../policy.ts';
import { lockUatCounters, takeUatNumber } from '../repo.ts';
import type { SessionRecord } from '../sessions/repo.ts';
import { productSession, sessionOf } from '../sessions/service.ts';
import { presentCase } from './presenters.ts';
import {
  type CaseRecord,
  type CaseValues,
  findCase,
  findCasesByIds,
  generatedMark,
  generatedMarks,
  insertCase,
  listCases,
  nextPosition,
  type SourceStory,
  storiesByKeys,
  storiesInSprint,
} from './repo.ts';

export async function caseOf(db: Executor, product: UatProduct, key: string, lock = false): Promise<CaseRecord> {
  const found = await findCase(db, product.id, key, { lock });
  if (!found) {
    throw notFound(`test case ${key}`, [{ name: 'path.caseKey', reason: `no test case ${key} in ${product.code}` }]);
  }
  return found;
}

export async function caseList(ctx: UseCaseCtx, code: string, sessionKey: string): Promise<UatCaseList> {
  const { session } = await productSession(ctx, code, sessionKey, 'product.read');
  return { items: (await listCases(ctx.deps.db, session.id)).map(presentCase) };
}

const refuseClosed = (s: SessionRecord) => {
  if (s.status === 'closed') throw new Conflict('session_closed', `UAT session ${s.key} is closed`);
};

/** The stories named, or the sprint's (the body's, else the session's), with every unknown one named at once. */
async function sourceStories(
  db: Executor,
  product: UatProduct,
  session: SessionRecord,
  body: UatGenerateBody,
): Promise<SourceStory[]> {
  if (body.storyKeys) {
    const keys = [...new Set(body.storyKeys)];
    const found = new Map((await storiesByKeys(db, product.id, keys)).map((s) => [s.key, s]));
    const missing = body.storyKeys.flatMap((k, i) =>
      found.has(k) ? [] : [{ name: `storyKeys.${i}`, reason: `no story ${k} in ${product.code}` }],
    );
    if (missing.length) throw validationFailed(missing);
    return keys.map((k) => found.get(k) as SourceStory);
  }
  const sprintId = body.sprintId ?? session.sprint?.id;
  if (!sprintId) {
    throw validationFailed([
      { name: 'sprintId', reason: `session ${session.key} has no sprint: name a sprint or the story keys` },
    ]);
  }
  if (!(await findSprint(db, product.id, sprintId))) {
    throw validationFailed([{ name: 'sprintId', reason: `no sprint with this id in ${product.code}` }]);
  }
  return storiesInSprint(db, product.id, sprintId);
}

/** Numbers and inserts one case; the caller holds the UAT counter lock. */
async function addNumberedCase(
  tx: Executor,
  product: UatProduct,
  values: Omit<CaseValues, 'number' | 'key' | 'productId'>,
  at: Date,
): Promise<{ id: string; key: string }> {
  const number = await takeUatNumber(tx, product.id, 'case');
  const key = `${product.code}-TC-${number}`;
  const id = await insertCase(tx, { ...values, productId: product.id, number, key, at });
  return { id, key };
}

export async function generateCases(
  ctx: UseCaseCtx,
  code: string,
  sessionKey: string,
  body: UatGenerateBody,
): Promise<UatGenerated> {
  const { product, session } = await productSession(ctx, code, sessionKey, 'uat.manage');
  refuseClosed(session);
  const db = ctx.deps.db;
  const sources = await sourceStories(db, product, session, body);
  const result = await db.transaction(async (tx) => {
    const locked = await sessionOf(tx, product, sessionKey, true);
    refuseClosed(locked);
    await lockUatCounters(tx, product.id);
    const marks = await generatedMarks(tx, session.id);
    let position = await nextPosition(tx, session.id);
    const at = ctx.deps.now();
    const created: { id: string; key: string }[] = [];
    const skipped: UatGenerated['skipped'] = [];
    let unchanged = 0;
    for (const story of sources) {
      const { cases, skipped: why } = casesFromStory(story);
      if (why) skipped.push({ storyKey: story.key, reason: why });
      for (const draft of cases) {
        const mark = generatedMark(story.id, story.revision, draft.title);
        if (marks.has(mark)) {
          unchanged++;
          continue;
        }
        marks.add(mark);
        const values = {
          sessionId: session.id,
          title: draft.title,
          storyId: story.id,
          storyKey: story.key,
          storyRevision: story.revision,
          steps: draft.steps,
          position: position++,
        };
        created.push(await addNumberedCase(tx, product, values, at));
      }
    }
    await writeAudit(tx, ctx.who(), {
      action: 'uat.cases_generated',
      targetType: 'uat_session',
      targetId: session.id,
      targetLabel: session.key,
      subsidiaryId: product.subsidiaryId,
      after: { created: created.map((c) => c.key), unchanged, skipped },
    });
    return { created, unchanged, skipped };
  });
  const rows = await findCasesByIds(
    db,
    result.created.map((c) => c.id),
  );
  rows.sort((a, b) => a.position - b.position);
  return { created: rows.map(presentCase), unchanged: result.unchanged, skipped: result.skipped };
}

export async function addCase(ctx: UseCaseCtx, code: string, sessionKey: string, body: UatCaseBody): Promise<UatCase> {
  const { product, session } = await productSession(ctx, code, sessionKey, 'uat.manage');
  refuseClosed(session);
  const db = ctx.deps.db;
  let story: SourceStory | null = null;
  if (body.storyKey) {
    [story = null] = await storiesByKeys(db, product.id, [body.storyKey]);
    if (!story) throw validationFailed([{ name: 'storyKey', reason: `no story ${body.storyKey} in ${product.code}` }]);
  }
  const key = await db.transaction(async (tx) => {
    refuseClosed(await sessionOf(tx, product, sessionKey, true));
    await lockUatCounters(tx, product.id);
    const values = {
      sessionId: session.id,
      title: body.title,
      storyId: story?.id ?? null,
      storyKey: story?.key ?? null,
      storyRevision: story?.revision ?? null,
      steps: body.steps,
      position: await nextPosition(tx, session.id),
    };
    const added = await addNumberedCase(tx, product, values, ctx.deps.now());
    await writeAudit(tx, ctx.who(), {
      action: 'uat.case_added',
      targetType: 'uat_case',
      targetId: added.id,
      targetLabel: added.key,
      subsidiaryId: product.subsidiaryId,
      after: { session: session.key, ...body },
    });
    return added.key;
  });
  return presentCase(await caseOf(db, product, key));
}
