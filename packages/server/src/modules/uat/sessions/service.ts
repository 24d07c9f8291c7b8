// UAT sessions: one per sprint or build (issue #13). Keys `<PRODUCT>-UAT-<n>` come from the product's UAT counter,
// locked while numbering. A session is planned, then running (cases can be run), then closed (no more runs). Edits
// race on the revision (If-Match), checked and applied in one transaction with the audit event.
import type { UatSession, UatSessionBody, UatSessionList, UatSessionPatch } from '@pi-studio/core/contract/uat';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, type InvalidParam, notFound, staleVersion, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findSprint } from '../../backlog/sprints/repo.ts';
import { findUsers } from '../../workspace/products/repo.ts';
import { type UatPermission, type UatProduct, uatProduct } from '../policy.ts';
import { lockUatCounters, takeUatNumber } from '../repo.ts';
import { presentSession, sessionEtag } from './presenters.ts';
import {
  emptyCounts,
  findSession,
  insertSession,
  listSessions,
  type SessionRecord,
  sessionCounts,
  updateSessionAtRevision,
} from './repo.ts';

export async function sessionOf(db: Executor, product: UatProduct, key: string, lock = false): Promise<SessionRecord> {
  const session = await findSession(db, product.id, key, { lock });
  if (!session) {
    throw notFound(`UAT session ${key}`, [{ name: 'path.key', reason: `no UAT session ${key} in ${product.code}` }]);
  }
  return session;
}

/** The product (access decided) and one of its sessions. */
export async function productSession(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  permission: UatPermission,
): Promise<{ product: UatProduct; session: SessionRecord }> {
  const product = await uatProduct(ctx, code, permission);
  return { product, session: await sessionOf(ctx.deps.db, product, key) };
}

export async function presentOne(db: Executor, product: UatProduct, key: string): Promise<UatSession> {
  const session = await sessionOf(db, product, key);
  const counts = await sessionCounts(db, [session.id]);
  return presentSession(session, product.code, counts.get(session.id) ?? emptyCounts());
}

/** What of a session's sprint and participants does not exist: each named by its field. */
async function sessionProblems(
  db: Executor,
  product: UatProduct,
  body: { sprintId?: string | null; participants?: readonly { userId: string | null }[] },
) {
  const problems: InvalidParam[] = [];
  if (body.sprintId && !(await findSprint(db, product.id, body.sprintId))) {
    problems.push({ name: 'sprintId', reason: `no sprint with this id in ${product.code}` });
  }
  const participants = body.participants ?? [];
  const ids = [...new Set(participants.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const known = new Set((await findUsers(db, ids)).map((u) => u.id));
  participants.forEach((p, i) => {
    if (p.userId && !known.has(p.userId)) {
      problems.push({ name: `participants.${i}.userId`, reason: 'no user with this id (leave it empty for a guest)' });
    }
  });
  return problems;
}

export async function createSession(ctx: UseCaseCtx, code: string, body: UatSessionBody): Promise<UatSession> {
  const product = await uatProduct(ctx, code, 'uat.manage');
  const db = ctx.deps.db;
  const key = await db.transaction(async (tx) => {
    const problems = await sessionProblems(tx, product, body);
    if (problems.length) throw validationFailed(problems);
    await lockUatCounters(tx, product.id);
    const number = await takeUatNumber(tx, product.id, 'session');
    const sessionKey = `${product.code}-UAT-${number}`;
    const id = await insertSession(tx, {
      ...body,
      productId: product.id,
      number,
      key: sessionKey,
      createdBy: ctx.actor?.userId ?? null,
      at: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'uat.session_created',
      targetType: 'uat_session',
      targetId: id,
      targetLabel: sessionKey,
      subsidiaryId: product.subsidiaryId,
      after: body,
    });
    return sessionKey;
  });
  return presentOne(db, product, key);
}

export async function sessionList(ctx: UseCaseCtx, code: string): Promise<UatSessionList> {
  const product = await uatProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const sessions = await listSessions(db, product.id);
  const counts = await sessionCounts(
    db,
    sessions.map((s) => s.id),
  );
  return { items: sessions.map((s) => presentSession(s, product.code, counts.get(s.id) ?? emptyCounts())) };
}

export async function getSession(ctx: UseCaseCtx, code: string, key: string): Promise<UatSession> {
  const product = await uatProduct(ctx, code, 'product.read');
  return presentOne(ctx.deps.db, product, key);
}

async function staleSession(db: Executor, product: UatProduct, current: SessionRecord) {
  return staleVersion(
    `UAT session ${current.key} changed since you loaded it (now revision ${current.revision}); reload`,
    `stale: current revision is ${current.revision}`,
    sessionEtag(current.revision),
    await presentOne(db, product, current.key),
  );
}

type Change = {
  action: 'uat.session_updated' | 'uat.session_started' | 'uat.session_closed';
  /** Refuses the change (a Conflict) given the session as stored; null lets it through. */
  refuse?: (s: SessionRecord) => Conflict | null;
  changes: Parameters<typeof updateSessionAtRevision>[3];
  /** Checks the request against other stored data (a sprint of the product) before anything is locked. */
  check?: (db: Executor, product: UatProduct) => Promise<void>;
  ifMatch?: string;
};

/** One change to a stored session: locked, checked against If-Match and its status, saved, audited. */
async function changeSession(ctx: UseCaseCtx, code: string, key: string, change: Change): Promise<UatSession> {
  const product = await uatProduct(ctx, code, 'uat.manage');
  const db = ctx.deps.db;
  await change.check?.(db, product);
  await db.transaction(async (tx) => {
    const current = await sessionOf(tx, product, key, true);
    if (change.ifMatch !== undefined && change.ifMatch !== sessionEtag(current.revision)) {
      throw await staleSession(tx, product, current);
    }
    const refusal = change.refuse?.(current);
    if (refusal) throw refusal;
    const { changes } = change;
    if (!(await updateSessionAtRevision(tx, current.id, current.revision, changes))) {
      throw await staleSession(tx, product, current);
    }
    const was: Record<string, unknown> = { ...current, sprintId: current.sprint?.id ?? null };
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, was[k] ?? null]));
    await writeAudit(tx, ctx.who(), {
      action: change.action,
      targetType: 'uat_session',
      targetId: current.id,
      targetLabel: current.key,
      subsidiaryId: product.subsidiaryId,
      before,
      after: changes,
    });
  });
  return presentOne(db, product, key);
}

const closedRefusal = (s: SessionRecord) =>
  s.status === 'closed' ? new Conflict('session_closed', `UAT session ${s.key} is closed`) : null;

export async function updateSession(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  patch: UatSessionPatch,
  ifMatch?: string,
): Promise<UatSession> {
  return changeSession(ctx, code, key, {
    action: 'uat.session_updated',
    refuse: closedRefusal,
    check: async (db, product) => {
      const problems = await sessionProblems(db, product, patch);
      if (problems.length) throw validationFailed(problems);
    },
    changes: patch,
    ifMatch,
  });
}

export function startSession(ctx: UseCaseCtx, code: string, key: string, ifMatch?: string): Promise<UatSession> {
  return changeSession(ctx, code, key, {
    action: 'uat.session_started',
    refuse: (s) =>
      s.status === 'planned'
        ? null
        : new Conflict('session_not_planned', `UAT session ${s.key} is ${s.status}; only a planned one starts`),
    changes: { status: 'running', startedAt: ctx.deps.now() },
    ifMatch,
  });
}

export function closeSession(ctx: UseCaseCtx, code: string, key: string, ifMatch?: string): Promise<UatSession> {
  return changeSession(ctx, code, key, {
    action: 'uat.session_closed',
    refuse: (s) =>
      s.status === 'running'
        ? null
        : new Conflict('session_not_running', `UAT session ${s.key} is ${s.status}; only a running one closes`),
    changes: { status: 'closed', closedAt: ctx.deps.now() },
    ifMatch,
  });
}
