// Chat exports into the feedback backlog, in two steps (issue #13). The preview parses the export (core intake:
// WhatsApp .txt or zip, Slack zip, Teams JSON), marks near duplicates within the file and against the product's open
// items and what was imported before, and keeps the messages as a draft for 24 hours; the commit creates one item
// per selected message, with its provenance, in one transaction. A message imported before — the same file and
// message reference, or the same source, author, time and text (the same chat exported again) — is skipped, so
// importing a file twice creates nothing new.
import { createHash } from 'node:crypto';
import type {
  FeedbackCommitBody,
  FeedbackImportCommitted,
  FeedbackImportPreview,
  FeedbackImportQuery,
} from '@pi-studio/core/contract/feedback';
import type { IntakeItem } from '@pi-studio/core/intake/types';
import type { Executor } from '../../../db/client.ts';
import { jobProblem } from '../../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import {
  Conflict,
  Invalid,
  type InvalidParam,
  notFound,
  TooLarge,
  validationFailed,
} from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { type FeedbackProduct, feedbackProduct } from '../policy.ts';
import { presentItem } from '../presenters.ts';
import { findItemsByIds, insertItems, lockFeedback, type NewItem, openTexts, takeNumbers } from '../repo.ts';
import { feedbackKey, SIMILAR_POOL } from '../service.ts';
import { CHAT_INLINE_MAX_BYTES, type ParsedExport, parseExportJob } from './parse-job.ts';
import {
  type DraftMessage,
  deleteExpiredDrafts,
  fileCommittedBefore,
  findImport,
  type ImportRecord,
  importedBefore,
  insertImport,
  markCommitted,
  recordImported,
} from './repo.ts';

/** The largest export the API reads (the parser's own limit is 200 MB; the CLI reads those). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const DRAFT_HOURS = 24;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Where a message is in its export: what a reviewer looks for, and half of what makes a re-import idempotent. */
export function messageRef(item: IntakeItem, index: number): string {
  if (item.messageId !== undefined) return item.channel ? `${item.channel}/${item.messageId}` : item.messageId;
  if (item.line !== undefined) return item.file ? `${item.file}:line ${item.line}` : `line ${item.line}`;
  return `message ${index + 1}`;
}

const fingerprintOf = (source: string, m: { author: string; timestamp: string; text: string }) =>
  sha256(`${source}\n${m.author}\n${m.timestamp}\n${m.text}`);

async function parse(
  ctx: UseCaseCtx,
  bytes: Uint8Array,
  source: FeedbackImportQuery['source'],
  openItems: { key: string; text: string }[],
): Promise<Extract<ParsedExport, { ok: true }>> {
  let parsed: ParsedExport;
  if (bytes.byteLength <= CHAT_INLINE_MAX_BYTES) parsed = parseExportJob({ bytes, source, openItems });
  else {
    try {
      // A 50 MB chat of half a million messages looked up against 5,000 items needs more than the default 20 s.
      parsed = await ctx.deps.jobs.run('feedback.parseExport', { bytes, source, openItems }, { timeLimitMs: 60_000 });
    } catch (err) {
      throw jobProblem(err, { code: 'file_too_complex', field: 'body', what: 'this export' });
    }
  }
  if (!parsed.ok) {
    throw new Invalid([{ name: 'body', reason: parsed.message }], 'unreadable_export', parsed.message);
  }
  return parsed;
}

function header(draft: ImportRecord) {
  const times = draft.messages.map((m) => m.timestamp).sort();
  const authors = new Map<string, number>();
  for (const m of draft.messages) authors.set(m.author, (authors.get(m.author) ?? 0) + 1);
  return {
    id: draft.id,
    status: draft.status,
    source: draft.source,
    fileHash: draft.fileHash,
    fileName: draft.fileName,
    messages: draft.messages.length,
    authors: [...authors]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    expiresAt: draft.expiresAt.toISOString(),
  };
}

export async function previewImport(
  ctx: UseCaseCtx,
  code: string,
  bytes: Uint8Array,
  query: FeedbackImportQuery,
): Promise<FeedbackImportPreview> {
  const product = await feedbackProduct(ctx, code, 'feedback.triage');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new TooLarge(
      'file_too_large',
      `the export is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`,
      [{ name: 'body', reason: 'at most 50 MB' }],
    );
  }
  const db = ctx.deps.db;
  const {
    result: parsed,
    clusters,
    similar,
  } = await parse(ctx, bytes, query.source, await openTexts(db, product.id, SIMILAR_POOL));
  const fileHash = sha256(bytes);
  const messages: DraftMessage[] = parsed.items.map((item, i) => ({
    author: item.author,
    timestamp: item.timestamp,
    text: item.text,
    messageRef: messageRef(item, i),
    fingerprint: fingerprintOf(parsed.source, item),
  }));
  const now = ctx.deps.now();
  const [seen, committedBefore] = await Promise.all([
    importedBefore(db, product.id, fileHash, messages),
    fileCommittedBefore(db, product.id, fileHash),
  ]);
  const duplicateOf = new Map<number, number>();
  for (const c of clusters) for (const l of c.links) duplicateOf.set(l.item, l.similarTo);

  const draft: ImportRecord = {
    id: '',
    productId: product.id,
    status: 'draft',
    source: parsed.source,
    fileHash,
    fileName: query.fileName ?? null,
    messages,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DRAFT_HOURS * 3_600_000),
  };
  draft.id = await db.transaction(async (tx) => {
    await deleteExpiredDrafts(tx, product.id, now);
    return insertImport(tx, { ...draft, createdBy: ctx.actor?.userId ?? null });
  });
  return {
    ...header(draft),
    dropped: parsed.dropped,
    alreadyImported: committedBefore,
    items: messages.map((m, i) => ({
      index: i,
      author: m.author,
      timestamp: m.timestamp,
      text: m.text,
      messageRef: m.messageRef,
      similar: similar[i] ?? [],
      duplicateOfIndex: duplicateOf.get(i) ?? null,
      alreadyImported: seen.refs.has(m.messageRef) || seen.fingerprints.has(m.fingerprint),
    })),
    clusters: clusters.map((c) => ({
      members: c.members,
      links: c.links.map((l) => ({
        index: l.item,
        similarTo: l.similarTo,
        percent: Math.round(l.similarity * 100),
        shared: l.shared,
      })),
    })),
  };
}

async function draftOf(ctx: UseCaseCtx, tx: Executor, product: FeedbackProduct, id: string) {
  const draft = await findImport(tx, product.id, id, { lock: true });
  if (!draft || (draft.status === 'draft' && draft.expiresAt <= ctx.deps.now())) {
    throw notFound(`import ${id}`, [
      {
        name: 'path.id',
        reason: `no import draft ${id} in ${product.code} (drafts expire after ${DRAFT_HOURS} hours)`,
      },
    ]);
  }
  if (draft.status === 'committed') {
    throw new Conflict('already_committed', `import ${id} was committed already; preview the file again`, [
      { name: 'path.id', reason: 'committed' },
    ]);
  }
  return draft;
}

export async function commitImport(
  ctx: UseCaseCtx,
  code: string,
  id: string,
  body: FeedbackCommitBody,
): Promise<FeedbackImportCommitted> {
  const product = await feedbackProduct(ctx, code, 'feedback.triage');
  const db = ctx.deps.db;
  const result = await db.transaction(async (tx) => {
    // The feedback lock first: two commits of the same chat then run one after the other, and the second skips.
    await lockFeedback(tx, product.id);
    const draft = await draftOf(ctx, tx, product, id);
    const problems: InvalidParam[] = [];
    const chosen = new Set<number>();
    body.indices.forEach((n, i) => {
      if (n >= draft.messages.length) {
        problems.push({ name: `indices.${i}`, reason: `the import has messages 0–${draft.messages.length - 1}` });
      } else if (chosen.has(n)) problems.push({ name: `indices.${i}`, reason: `message ${n} is listed twice` });
      chosen.add(n);
    });
    if (problems.length) throw validationFailed(problems);

    const selected = [...chosen].sort((a, b) => a - b).map((n) => ({ n, m: draft.messages[n] as DraftMessage }));
    const seen = await importedBefore(
      tx,
      product.id,
      draft.fileHash,
      selected.map((s) => s.m),
    );
    const fresh: typeof selected = [];
    const skipped: number[] = [];
    for (const s of selected) {
      if (seen.refs.has(s.m.messageRef) || seen.fingerprints.has(s.m.fingerprint)) skipped.push(s.n);
      else {
        seen.fingerprints.add(s.m.fingerprint);
        fresh.push(s);
      }
    }
    const at = ctx.deps.now();
    const first = fresh.length ? await takeNumbers(tx, product.id, fresh.length) : 0;
    const items: NewItem[] = fresh.map((s, i) => ({
      productId: product.id,
      number: first + i,
      key: feedbackKey(product.code, first + i),
      text: s.m.text,
      author: s.m.author,
      source: draft.source,
      provenance: [
        {
          source: draft.source,
          originalAuthor: s.m.author,
          originalTime: s.m.timestamp,
          fileHash: draft.fileHash,
          messageRef: s.m.messageRef,
          importId: draft.id,
        },
      ],
      createdBy: ctx.actor?.userId ?? null,
      at,
    }));
    const ids = await insertItems(tx, items);
    await recordImported(
      tx,
      fresh.map((s, i) => ({
        productId: product.id,
        itemId: ids[i] as string,
        fileHash: draft.fileHash,
        messageRef: s.m.messageRef,
        fingerprint: s.m.fingerprint,
      })),
    );
    await markCommitted(tx, draft.id, at);
    await writeAudit(tx, ctx.who(), {
      action: 'feedback.imported',
      targetType: 'product',
      targetId: product.id,
      targetLabel: product.code,
      subsidiaryId: product.subsidiaryId,
      after: {
        importId: draft.id,
        source: draft.source,
        fileHash: draft.fileHash,
        fileName: draft.fileName,
        selected: selected.length,
        created: items.length,
        skipped: skipped.length,
        // The keys, capped so one audit event stays readable.
        keys: items.slice(0, 200).map((i) => i.key),
      },
    });
    return { ids, skipped };
  });
  const now = ctx.deps.now();
  const created = await findItemsByIds(db, result.ids);
  return {
    importId: id,
    created: created.map((c) => presentItem(c, now)),
    skipped: result.skipped.length,
    skippedIndices: result.skipped,
  };
}
