// Sign-offs (issue #13): the PO/VB signs a UAT session or a release — signed, signed with conditions, or refused —
// and the record keeps exactly what was signed: each story's key, revision and content hash, and the hash over the
// list. Records of one product form a hash chain (core/signoff/chain.ts, ADR 0019); the counter row lock makes the
// chain grow one record at a time. Evidence files are kept beside a record with their own time and sha256: they are
// not part of the signed record, so adding one later changes nothing that was signed.
import { randomUUID } from 'node:crypto';
import type {
  Evidence,
  EvidenceBody,
  Signoff,
  SignoffBody,
  SignoffList,
  SignoffVerify,
} from '@pi-studio/core/contract/signoff';
import { SIGNOFF_LIMITS } from '@pi-studio/core/contract/signoff';
import {
  GENESIS_HASH,
  recordHash,
  type SignoffRecord,
  signedListHash,
  storyContentHash,
} from '@pi-studio/core/signoff/chain';
import { sniffEvidence } from '@pi-studio/core/signoff/evidence-type';
import type { Executor } from '../../db/client.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import {
  badRequest,
  Conflict,
  forbidden,
  Invalid,
  NotFound,
  notFound,
  TooLarge,
  UnsupportedType,
} from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { sha256Hex } from './hash.ts';
import { assertMaySign, type SignoffProduct, signoffProduct } from './policy.ts';
import { presentEvidence, presentSignoff } from './presenters.ts';
import { handoverReadinessOf } from './readiness.ts';
import {
  chainHead,
  doneStories,
  evidenceFile,
  evidenceOf,
  findSession,
  insertEvidence,
  insertSignoff,
  listSignoffs,
  productsWithSignoffs,
  type StoredSignoff,
  type StoryRow,
  sessionStories,
  takeSignoffNumber,
} from './repo.ts';
import { verifyChains } from './verify.ts';

export const signoffKey = (productCode: string, n: number) => `${productCode}-SO-${n}`;

/** What a sign-off covers: a session's stories at the session's build, or the done stories of a release. */
async function whatIsSigned(
  db: Executor,
  product: SignoffProduct,
  body: SignoffBody,
): Promise<{ sessionId: string | null; buildVersion: string; covered: StoryRow[] }> {
  if (body.scope === 'release') {
    return { sessionId: null, buildVersion: body.buildVersion, covered: await doneStories(db, product.id) };
  }
  const session = await findSession(db, product.id, { id: body.sessionId });
  if (!session) {
    throw new Invalid(
      [{ name: 'sessionId', reason: `no UAT session of ${product.code} has this id` }],
      'unknown_session',
    );
  }
  return { sessionId: session.id, buildVersion: session.buildVersion, covered: await sessionStories(db, session.id) };
}

export async function recordSignoff(ctx: UseCaseCtx, code: string, body: SignoffBody): Promise<Signoff> {
  const product = await signoffProduct(ctx, code, 'uat.signoff');
  await assertMaySign(ctx, product);
  const db = ctx.deps.db;
  const key = await db.transaction(async (tx) => {
    // The counter first: its row lock holds other sign-offs of this product back until this one commits, and the
    // stories are read after it, so what is signed is what stands when the record is written.
    const number = await takeSignoffNumber(tx, product.id);
    const { sessionId, buildVersion, covered } = await whatIsSigned(tx, product, body);
    if (covered.length === 0) {
      throw new Conflict(
        'nothing_to_sign',
        body.scope === 'session'
          ? `the session's cases test no story of ${code}: there is nothing to sign`
          : `${code} has no done stories: there is nothing to sign`,
      );
    }
    const signedStories = covered.map((s) => ({
      key: s.key,
      revision: s.revision,
      contentHash: storyContentHash(s, sha256Hex),
    }));
    const record: SignoffRecord = {
      id: randomUUID(),
      productId: product.id,
      number,
      key: signoffKey(product.code, number),
      scope: body.scope,
      sessionId,
      buildVersion,
      decision: body.decision,
      conditions: body.conditions,
      signedStories,
      contentHash: signedListHash(signedStories, sha256Hex),
      signerId: ctx.actor?.userId ?? null,
      signerName: ctx.actor?.name ?? ctx.who().actorLabel,
      signedAt: ctx.deps.now(),
      prevHash: (await chainHead(tx, product.id)) ?? GENESIS_HASH,
    };
    const hash = recordHash(record, sha256Hex);
    await insertSignoff(tx, { ...record, recordHash: hash });
    await writeAudit(tx, ctx.who(), {
      action: 'signoff.recorded',
      targetType: 'signoff',
      targetId: record.id,
      targetLabel: record.key,
      subsidiaryId: product.subsidiaryId,
      after: {
        scope: record.scope,
        sessionId,
        buildVersion,
        decision: record.decision,
        conditions: record.conditions,
        stories: signedStories.map((s) => `${s.key}@${s.revision}`),
        contentHash: record.contentHash,
        recordHash: hash,
      },
    });
    return record.key;
  });
  return presentOne(db, product, key);
}

async function presentOne(db: Executor, product: SignoffProduct, key: string): Promise<Signoff> {
  const stored = await findSignoff(db, product, key);
  return presentSignoff(stored, await evidenceOf(db, [stored.id]));
}

async function findSignoff(db: Executor, product: SignoffProduct, key: string): Promise<StoredSignoff> {
  const [stored] = await listSignoffs(db, product.id, { key });
  if (!stored) throw notFound(`sign-off ${key} of ${product.code}`);
  return stored;
}

export async function getSignoff(ctx: UseCaseCtx, code: string, key: string): Promise<Signoff> {
  const product = await signoffProduct(ctx, code, 'product.read');
  return presentOne(ctx.deps.db, product, key);
}

export async function productSignoffs(ctx: UseCaseCtx, code: string): Promise<SignoffList> {
  const product = await signoffProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const stored = await listSignoffs(db, product.id);
  const evidence = await evidenceOf(
    db,
    stored.map((s) => s.id),
  );
  const r = await handoverReadinessOf(db, product.id);
  return {
    items: stored.map((s) => presentSignoff(s, evidence)),
    handoverReadiness: { ready: r.ready, reason: r.reason, currentBuild: r.currentBuild, signoff: r.signoff },
  };
}

// ---- Evidence ----

// Without the `u` flag the regex sees UTF-16 code units: a half of a surrogate pair is replaced, not kept.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The base name only, without control characters or broken Unicode, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(LONE_SURROGATE, '\uFFFD');
  return clean.normalize('NFC').slice(0, 255).trim() || 'evidence';
}

const fileProblem = (reason: string) => [{ name: 'file', reason }];

export async function addEvidence(ctx: UseCaseCtx, code: string, key: string, body: EvidenceBody): Promise<Evidence> {
  const product = await signoffProduct(ctx, code, 'uat.signoff');
  await assertMaySign(ctx, product);
  const db = ctx.deps.db;
  const signoff = await findSignoff(db, product, key);
  const max = SIGNOFF_LIMITS.evidenceBytes;
  if (body.file.size > max) {
    throw new TooLarge(
      'file_too_large',
      `the file is ${(body.file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB`,
      fileProblem('larger than 10 MB'),
    );
  }
  const bytes = new Uint8Array(await body.file.arrayBuffer());
  if (bytes.length === 0) throw badRequest('empty_file', 'the file is empty', fileProblem('empty'));
  const mediaType = sniffEvidence(bytes);
  if (!mediaType) {
    throw new UnsupportedType(
      'unsupported_file_type',
      'evidence must be a PDF, PNG or JPEG file or UTF-8 plain text (its type is read from its content)',
      fileProblem('not a PDF, PNG, JPEG or UTF-8 text file'),
    );
  }
  const fileName = cleanFileName(body.file.name);
  const sha256 = sha256Hex(bytes);
  const at = ctx.deps.now();
  const id = await db.transaction(async (tx) => {
    const created = await insertEvidence(tx, {
      productId: product.id,
      signoffId: signoff.id,
      fileName,
      mediaType,
      bytes,
      sha256,
      uploadedByName: ctx.actor?.name ?? ctx.who().actorLabel,
      uploadedBy: ctx.actor?.userId ?? null,
      at,
    });
    await writeAudit(tx, ctx.who(), {
      action: 'signoff.evidence_added',
      targetType: 'signoff',
      targetId: signoff.id,
      targetLabel: signoff.key,
      subsidiaryId: product.subsidiaryId,
      after: { evidenceId: created, fileName, mediaType, size: bytes.length, sha256 },
    });
    return created;
  });
  const stored = (await evidenceOf(db, [signoff.id])).find((e) => e.id === id);
  if (!stored) throw new Error(`evidence ${id} vanished`);
  return presentEvidence(stored);
}

export async function downloadEvidence(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  id: string,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  const product = await signoffProduct(ctx, code, 'product.read');
  const signoff = await findSignoff(ctx.deps.db, product, key);
  const file = await evidenceFile(ctx.deps.db, signoff.id, id);
  if (!file) throw new NotFound(`evidence ${id} of ${key}`);
  return file;
}

// ---- Verification ----

export async function verifyProductSignoffs(ctx: UseCaseCtx, code: string): Promise<SignoffVerify> {
  const product = await signoffProduct(ctx, code, 'product.read');
  return verifyChains(ctx.deps.db, [product]);
}

/** Every product's chain: studio administrators (and the CLI) only. */
export async function verifyStudioSignoffs(ctx: UseCaseCtx): Promise<SignoffVerify> {
  if (ctx.actor && !ctx.actor.isAdmin) throw forbidden('only a studio administrator verifies every product');
  ctx.markAuthorized();
  return verifyChains(ctx.deps.db, await productsWithSignoffs(ctx.deps.db));
}
