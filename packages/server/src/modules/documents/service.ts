// Document use cases: list, create, import, read, save a version, read the history (versions, line diffs). Each
// mutation is one transaction with its audit event; versions are never updated. Access is decided on the stored
// product or document (policy.ts).

import type { ImportBody } from '@pi-studio/core/contract/documents';
import { firstHeading } from '@pi-studio/core/documents/body';
import { type CreatableKind, defaultTitle, documentCode } from '@pi-studio/core/documents/kinds';
import { renderTemplate } from '@pi-studio/core/documents/template-render';
import {
  type Bump,
  bumpVersion,
  FIRST_VERSION,
  formatVersion,
  parseVersion,
  type Version,
} from '@pi-studio/core/documents/version';
import { frontMatterTitle } from '@pi-studio/core/markdown/front-matter';
import { isUniqueViolation } from '../../db/errors.ts';
import { jobProblem } from '../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import type { Deps } from '../../use-case/deps.ts';
import {
  Conflict,
  conflict,
  Invalid,
  NotFound,
  notFound,
  staleVersion,
  validationFailed,
} from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { expectedRevision, type PreparedContent, prepareContent } from './content.ts';
import { type DiffInput, diffFitsInline, diffResponseJson } from './diff-job.ts';
import { readUpload } from './import.ts';
import { documentFor, productFor } from './policy.ts';
import { presentStaleCurrent } from './presenters.ts';
import {
  appendVersion,
  type DocumentRecord,
  type DocumentSummaryRecord,
  findDocument,
  findDocumentIdByKind,
  findVersion,
  findVersionBefore,
  findVersionById,
  insertDocument,
  listDocumentSummaries,
  listVersions,
  type ProductRef,
  type VersionRecord,
  type VersionWithBody,
} from './repo.ts';
import { defaultTemplateId, findTemplate, templateVersionBody } from './templates/repo.ts';

export type DocumentView = { doc: DocumentRecord; current: VersionWithBody | null };

async function loadDocumentView(deps: Deps, id: string): Promise<DocumentView> {
  const doc = await findDocument(deps.db, id);
  if (!doc) throw new Error(`document ${id} vanished`);
  return { doc, current: doc.currentVersionId ? await findVersionById(deps.db, doc.currentVersionId) : null };
}

/** A product's documents with their current version. */
export async function listDocuments(
  ctx: UseCaseCtx,
  productCode: string,
): Promise<{ product: ProductRef; items: DocumentSummaryRecord[] }> {
  const product = await productFor(ctx, productCode, 'document.read');
  return { product, items: await listDocumentSummaries(ctx.deps.db, product.id) };
}

export async function getDocument(ctx: UseCaseCtx, id: string): Promise<DocumentView> {
  await documentFor(ctx, id, 'document.read');
  return loadDocumentView(ctx.deps, id);
}

async function templateBody(
  deps: Deps,
  product: ProductRef,
  kind: CreatableKind,
  templateId?: string,
): Promise<string | null> {
  const id = templateId ?? (await defaultTemplateId(deps.db, kind, product.subsidiaryId));
  if (!id) return null;
  const template = await findTemplate(deps.db, id);
  if (!template || (template.subsidiary && template.subsidiary.id !== product.subsidiaryId)) {
    throw validationFailed([{ name: 'templateId', reason: 'no such template' }]);
  }
  if (template.kind !== kind) {
    throw validationFailed([{ name: 'templateId', reason: `is a ${template.kind} template, not ${kind}` }]);
  }
  return template.current ? templateVersionBody(deps.db, template.current.id) : null;
}

export type NewDocumentInput = {
  kind: CreatableKind;
  title?: string;
  templateId?: string;
  body?: string;
  /** Set by imports: the uploaded file's name and already-prepared content. */
  imported?: { sourceFile: string; content: PreparedContent; title: string | null };
};

/** Creates v1.0 of a product's document of a kind, from a body, an imported file or the kind's template. */
export async function createDocument(
  ctx: UseCaseCtx,
  productCode: string,
  input: NewDocumentInput,
): Promise<DocumentView> {
  const product = await productFor(ctx, productCode, 'document.write');
  return createInProduct(ctx, product, input);
}

async function createInProduct(ctx: UseCaseCtx, product: ProductRef, input: NewDocumentInput): Promise<DocumentView> {
  const { deps } = ctx;
  const actor = ctx.requireActor();
  const code = documentCode(product.code, input.kind);
  const existing = await findDocumentIdByKind(deps.db, product.id, input.kind);
  const exists = () =>
    new Conflict('document_exists', `${code} already exists; save a new version of it instead`, [], {
      documentId: existing,
    });
  if (existing) throw exists();

  const now = deps.now();
  let content: PreparedContent;
  let title: string;
  if (input.imported) {
    content = input.imported.content;
    title = input.title ?? input.imported.title ?? defaultTitle(product.name, input.kind);
  } else if (input.body !== undefined) {
    content = prepareContent(input.body, 'body');
    title =
      input.title ??
      frontMatterTitle(content.metadata) ??
      firstHeading(content.body)?.slice(0, 200) ??
      defaultTitle(product.name, input.kind);
  } else {
    title = input.title ?? defaultTitle(product.name, input.kind);
    const template = await templateBody(deps, product, input.kind, input.templateId);
    const rendered = renderTemplate(template ?? `# {{document.title}}\n`, {
      'product.name': product.name,
      'product.code': product.code,
      'subsidiary.code': product.subsidiaryCode,
      'subsidiary.name': product.subsidiaryName,
      'document.code': code,
      'document.title': title,
      'author.name': actor.name,
      date: now.toISOString().slice(0, 10),
    });
    content = prepareContent(rendered, 'templateId', { lenientFrontMatter: true });
  }

  let id: string;
  try {
    id = await deps.db.transaction(async (tx) => {
      const docId = await insertDocument(tx, { productId: product.id, kind: input.kind, title, createdAt: now });
      await appendVersion(
        tx,
        {
          documentId: docId,
          version: FIRST_VERSION,
          ...content,
          note: input.imported ? `Imported from ${input.imported.sourceFile}` : '',
          sourceFile: input.imported?.sourceFile ?? null,
          authorId: actor.userId,
          createdAt: now,
        },
        title,
      );
      await writeAudit(tx, ctx.who(), {
        action: input.imported ? 'document.imported' : 'document.created',
        targetType: 'document',
        targetId: docId,
        targetLabel: `${code} v1.0`,
        subsidiaryId: product.subsidiaryId,
        after: {
          code,
          kind: input.kind,
          title,
          version: '1.0',
          contentHash: content.contentHash,
          ...(input.imported ? { sourceFile: input.imported.sourceFile } : {}),
          ...(input.body === undefined && !input.imported ? { fromTemplate: input.templateId ?? 'default' } : {}),
        },
      });
      return docId;
    });
  } catch (err) {
    // Two creates racing: the unique index on (product, kind) lets one win; the other gets the same 409.
    if (isUniqueViolation(err))
      throw conflict('document_exists', `${code} already exists; save a new version of it instead`);
    throw err;
  }
  return loadDocumentView(deps, id);
}

export type NewVersionInput = {
  body: string;
  bump: Bump;
  note?: string;
  title?: string;
  imported?: { sourceFile: string; content: PreparedContent; title: string | null };
};

/**
 * Saves a new immutable version. `ifMatch` is the request's If-Match (the document's ETag, its revision): missing
 * → PreconditionRequired; stale → StaleVersion with the current version, and nothing is saved.
 */
export async function saveVersion(
  ctx: UseCaseCtx,
  documentId: string,
  ifMatch: string | undefined,
  input: NewVersionInput,
): Promise<{ version: VersionWithBody; revision: number }> {
  await documentFor(ctx, documentId, 'document.write');
  return appendNewVersion(ctx, documentId, ifMatch, input);
}

async function appendNewVersion(
  ctx: UseCaseCtx,
  documentId: string,
  ifMatch: string | undefined,
  input: NewVersionInput,
): Promise<{ version: VersionWithBody; revision: number }> {
  const { deps } = ctx;
  const actor = ctx.requireActor();
  const expected = expectedRevision(ifMatch);
  const content = input.imported?.content ?? prepareContent(input.body, 'body');
  const now = deps.now();
  const saved = await deps.db.transaction(async (tx) => {
    const doc = await findDocument(tx, documentId, { lock: true });
    if (!doc) throw notFound('document');
    const current = doc.currentVersionId ? await findVersionById(tx, doc.currentVersionId) : null;
    if (doc.revision !== expected) {
      throw staleVersion(
        `the document changed since revision ${expected}: it is now at revision ${doc.revision}` +
          (current ? ` (version ${formatVersion(current)})` : '') +
          '; your text was not saved — merge with the current version and save again',
        `stale: current revision is ${doc.revision}`,
        `"${doc.revision}"`,
        presentStaleCurrent(doc.revision, current),
      );
    }
    const title = input.title ?? input.imported?.title ?? doc.title;
    if (current && current.contentHash === content.contentHash && title === doc.title) {
      throw new Invalid(
        [{ name: input.imported ? 'file' : 'body', reason: `identical to version ${formatVersion(current)}` }],
        'no_change',
        `the text is identical to version ${formatVersion(current)}; nothing to save`,
      );
    }
    const version = current ? bumpVersion(current, input.bump) : FIRST_VERSION;
    const note = input.note ?? (input.imported ? `Imported from ${input.imported.sourceFile}` : '');
    const row = await appendVersion(
      tx,
      {
        documentId,
        version,
        ...content,
        note,
        sourceFile: input.imported?.sourceFile ?? null,
        authorId: actor.userId,
        createdAt: now,
      },
      title,
    );
    const code = documentCode(doc.product.code, doc.kind);
    await writeAudit(tx, ctx.who(), {
      action: input.imported ? 'document.imported' : 'document.version_saved',
      targetType: 'document',
      targetId: documentId,
      targetLabel: `${code} v${formatVersion(version)}`,
      subsidiaryId: doc.product.subsidiaryId,
      before: current
        ? {
            version: formatVersion(current),
            revision: doc.revision,
            contentHash: current.contentHash,
            title: doc.title,
          }
        : null,
      after: { version: formatVersion(version), revision: row.revision, contentHash: content.contentHash, title, note },
    });
    return row;
  });
  const version = await findVersionById(deps.db, saved.id);
  if (!version) throw new Error('saved version vanished');
  return { version, revision: saved.revision };
}

/**
 * Imports an uploaded file (readUpload: .md, .markdown, .txt, .docx) as a product's new document, or, with
 * `documentId`, as a new version of that document (then `ifMatch` is required, as for any save).
 */
export async function importDocument(
  ctx: UseCaseCtx,
  productCode: string,
  body: ImportBody,
  ifMatch: string | undefined,
): Promise<DocumentView> {
  const product = await productFor(ctx, productCode, 'document.write');
  ctx.requireActor();
  const imported = await readUpload(body.file, ctx.deps.jobs);
  if (!body.documentId) {
    return createInProduct(ctx, product, { kind: body.kind, title: body.title, imported });
  }
  const doc = await documentFor(ctx, body.documentId, 'document.write');
  if (doc.product.id !== product.id || doc.kind !== body.kind) {
    throw validationFailed([{ name: 'documentId', reason: `is not the ${body.kind} document of ${product.code}` }]);
  }
  await appendNewVersion(ctx, doc.id, ifMatch, {
    body: imported.content.body,
    bump: body.bump ?? 'minor',
    note: body.note,
    title: body.title,
    imported,
  });
  return loadDocumentView(ctx.deps, doc.id);
}

// The history: versions and the line diff between two of them.

/** A document's versions, newest first. */
export async function listVersionsOf(ctx: UseCaseCtx, documentId: string): Promise<VersionRecord[]> {
  const doc = await documentFor(ctx, documentId, 'document.read');
  return listVersions(ctx.deps.db, doc.id);
}

const versionNotFound = (versionText: string, param?: string) =>
  new NotFound('version', param ? [{ name: param, reason: 'no such version' }] : [], {
    code: 'version_not_found',
    message: `version ${versionText} of this document does not exist`,
  });

function parse(text: string, field: string): Version {
  const v = parseVersion(text);
  if (!v) throw validationFailed([{ name: field, reason: 'use major.minor, e.g. 1.3' }]);
  return v;
}

export async function getVersion(ctx: UseCaseCtx, documentId: string, versionText: string): Promise<VersionWithBody> {
  const doc = await documentFor(ctx, documentId, 'document.read');
  const found = await findVersion(ctx.deps.db, doc.id, parse(versionText, 'path.version'));
  if (!found) throw versionNotFound(versionText);
  return found;
}

/**
 * The diff response as JSON text. Defaults: `to` = the current version, `from` = the version just before `to`
 * (none for a first version).
 */
export async function diffVersions(ctx: UseCaseCtx, documentId: string, fromText?: string, toText?: string) {
  const doc = await documentFor(ctx, documentId, 'document.read');
  const { db, jobs } = ctx.deps;
  const to = toText
    ? await findVersion(db, doc.id, parse(toText, 'query.to'))
    : doc.currentVersionId
      ? await findVersionById(db, doc.currentVersionId)
      : null;
  if (!to) {
    throw versionNotFound(toText ?? 'current', 'query.to');
  }
  const from = fromText
    ? await findVersion(db, doc.id, parse(fromText, 'query.from'))
    : await findVersionBefore(db, doc.id, to);
  if (fromText && !from) {
    throw versionNotFound(fromText, 'query.from');
  }
  const input: DiffInput = {
    from: from ? formatVersion(from) : null,
    to: formatVersion(to),
    oldText: from?.body ?? '',
    newText: to.body,
  };
  if (diffFitsInline(input)) return diffResponseJson(input);
  try {
    return await jobs.run('documents.diff', input);
  } catch (err) {
    throw jobProblem(err, { code: 'diff_too_complex', field: 'query.to', what: 'this diff' });
  }
}
