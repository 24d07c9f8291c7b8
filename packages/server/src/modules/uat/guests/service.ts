// Guest testers (issue #13): a manager creates a link for one session, with the guest's name and an expiry (7 days
// by default, 30 at most); its token is answered once and only its sha256 is stored. A guest's request carries the
// token in the path (`/guest/uat/<token>/…`, docs/uat.md): it opens that one session — its cases, the guest's own
// runs and screenshots — and nothing else. A revoked or expired link answers 401 at once; every change a guest makes
// is audited as `guest: <name>`.
import { createHash, randomBytes } from 'node:crypto';
import type {
  UatCaseDetail,
  UatGuestFeedback,
  UatGuestFeedbackBody,
  UatGuestLink,
  UatGuestLinkBody,
  UatGuestLinkCreated,
  UatGuestLinkList,
  UatGuestView,
  UatRunBody,
  UatRunRecorded,
  UatScreenshot,
} from '@pi-studio/core/contract/uat';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, notFound, Unauthenticated, unauthenticated } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { addFeedback } from '../../feedback/service.ts';
import { presentCase } from '../cases/presenters.ts';
import { listCases } from '../cases/repo.ts';
import { uatProduct } from '../policy.ts';
import { runsOfGuest } from '../runs/repo.ts';
import {
  addScreenshotAs,
  caseDetailAs,
  presentRunList,
  type RunScope,
  recordRunAs,
  type ScreenshotFile,
  screenshotFileAs,
} from '../runs/service.ts';
import { findSessionById } from '../sessions/repo.ts';
import { productSession } from '../sessions/service.ts';
import { linkState, presentGuestLink } from './presenters.ts';
import {
  findGuestLink,
  findGuestLinkByHash,
  type GuestLinkRecord,
  insertGuestLink,
  listGuestLinks,
  revokeGuestLink,
  touchGuestLink,
} from './repo.ts';

const DAY_MS = 86_400_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createGuestLink(
  ctx: UseCaseCtx,
  code: string,
  sessionKey: string,
  body: UatGuestLinkBody,
): Promise<UatGuestLinkCreated> {
  const { product, session } = await productSession(ctx, code, sessionKey, 'uat.manage');
  if (session.status === 'closed') throw new Conflict('session_closed', `UAT session ${session.key} is closed`);
  const token = randomBytes(32).toString('base64url');
  const at = ctx.deps.now();
  const db = ctx.deps.db;
  const id = await db.transaction(async (tx) => {
    const linkId = await insertGuestLink(tx, {
      sessionId: session.id,
      productId: product.id,
      guestName: body.guestName,
      tokenHash: hashToken(token),
      expiresAt: new Date(at.getTime() + body.expiresInDays * DAY_MS),
      createdBy: ctx.actor?.userId ?? null,
      at,
    });
    await writeAudit(tx, ctx.who(), {
      action: 'uat.guest_link_created',
      targetType: 'uat_guest_link',
      targetId: linkId,
      targetLabel: `${session.key}: ${body.guestName}`,
      subsidiaryId: product.subsidiaryId,
      after: { session: session.key, guestName: body.guestName, expiresInDays: body.expiresInDays },
    });
    return linkId;
  });
  const link = await findGuestLink(db, product.id, id);
  if (!link) throw new Error(`guest link ${id} vanished`);
  return { link: presentGuestLink(link, ctx.deps.now()), token, path: `/guest/uat/${token}` };
}

export async function guestLinkList(ctx: UseCaseCtx, code: string, sessionKey: string): Promise<UatGuestLinkList> {
  const { session } = await productSession(ctx, code, sessionKey, 'uat.manage');
  const now = ctx.deps.now();
  return { items: (await listGuestLinks(ctx.deps.db, session.id)).map((l) => presentGuestLink(l, now)) };
}

export async function revokeLink(ctx: UseCaseCtx, code: string, id: string): Promise<UatGuestLink> {
  const product = await uatProduct(ctx, code, 'uat.manage');
  const db = ctx.deps.db;
  const link = await db.transaction(async (tx) => {
    const found = await findGuestLink(tx, product.id, id, { lock: true });
    if (!found) throw notFound(`guest link ${id}`, [{ name: 'path.id', reason: `no guest link ${id} in ${code}` }]);
    if (found.revokedAt) return found;
    const at = ctx.deps.now();
    await revokeGuestLink(tx, found.id, ctx.actor?.userId ?? null, at);
    await writeAudit(tx, ctx.who(), {
      action: 'uat.guest_link_revoked',
      targetType: 'uat_guest_link',
      targetId: found.id,
      targetLabel: `${found.sessionKey}: ${found.guestName}`,
      subsidiaryId: product.subsidiaryId,
    });
    return { ...found, revokedAt: at };
  });
  return presentGuestLink(link, ctx.deps.now());
}

// ---- What a guest does through the link ----

type Guest = { ctx: UseCaseCtx; scope: RunScope; link: GuestLinkRecord };

const badLink = () =>
  new Unauthenticated('this guest link is unknown, revoked or expired; ask for a new one', 'invalid_guest_link');

/**
 * The link a token opens, checked on every request (revoking or expiry takes effect at once), and the context the
 * guest acts in: no person, audit events naming `guest: <name>`.
 */
async function openLink(ctx: UseCaseCtx, token: string): Promise<Guest> {
  ctx.markAuthorized();
  const db = ctx.deps.db;
  const found = await findGuestLinkByHash(db, hashToken(token));
  const now = ctx.deps.now();
  if (!found || linkState(found, now) !== 'active') throw badLink();
  await touchGuestLink(db, found.id, now);
  const { productCode, subsidiaryId, ...link } = found;
  const label = `guest: ${link.guestName}`;
  const guestCtx: UseCaseCtx = {
    ...ctx,
    actor: null,
    requireActor: () => {
      throw unauthenticated('a guest link acts for a guest, not for an account');
    },
    authorize: () => {
      throw badLink();
    },
    who: () => ({ actorId: null, actorLabel: label, requestId: ctx.requestId }),
  };
  return {
    ctx: guestCtx,
    link,
    scope: {
      product: { id: link.productId, code: productCode, subsidiaryId },
      testerName: link.guestName,
      testerUserId: null,
      guest: { linkId: link.id, sessionId: link.sessionId },
    },
  };
}

export async function guestView(ctx: UseCaseCtx, token: string): Promise<UatGuestView> {
  const { link, scope } = await openLink(ctx, token);
  const db = ctx.deps.db;
  const session = await findSessionById(db, link.sessionId);
  if (!session) throw badLink();
  const [cases, runs] = await Promise.all([listCases(db, session.id), runsOfGuest(db, link.id)]);
  return {
    guestName: link.guestName,
    expiresAt: link.expiresAt.toISOString(),
    productCode: scope.product.code,
    session: { key: session.key, title: session.title, buildVersion: session.buildVersion, status: session.status },
    cases: cases.map(presentCase),
    runs: await presentRunList(db, runs),
  };
}

export async function guestCase(ctx: UseCaseCtx, token: string, caseKey: string): Promise<UatCaseDetail> {
  const guest = await openLink(ctx, token);
  return caseDetailAs(guest.ctx, guest.scope, caseKey);
}

export async function guestRun(
  ctx: UseCaseCtx,
  token: string,
  caseKey: string,
  body: UatRunBody,
): Promise<UatRunRecorded> {
  const guest = await openLink(ctx, token);
  return recordRunAs(guest.ctx, guest.scope, caseKey, body);
}

export async function guestScreenshot(
  ctx: UseCaseCtx,
  token: string,
  runId: string,
  bytes: Uint8Array,
  fileName: string | undefined,
): Promise<UatScreenshot> {
  const guest = await openLink(ctx, token);
  return addScreenshotAs(guest.ctx, guest.scope, runId, bytes, fileName);
}

export async function guestScreenshotFile(ctx: UseCaseCtx, token: string, id: string): Promise<ScreenshotFile> {
  const guest = await openLink(ctx, token);
  return screenshotFileAs(guest.ctx, guest.scope, id);
}

/** Feedback from the guest, into the product's one feedback inbox: source `guest`, the guest as its author. */
export async function guestFeedback(
  ctx: UseCaseCtx,
  token: string,
  body: UatGuestFeedbackBody,
): Promise<UatGuestFeedback> {
  const guest = await openLink(ctx, token);
  const session = await findSessionById(ctx.deps.db, guest.link.sessionId);
  if (!session) throw badLink();
  const { item } = await addFeedback(guest.ctx, guest.scope.product, {
    text: body.text,
    author: guest.link.guestName,
    source: 'guest',
    createdBy: null,
    messageRef: `UAT session ${session.key}`,
  });
  return { key: item.key, text: item.text, createdAt: item.createdAt };
}
