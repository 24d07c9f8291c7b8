// Document use cases. Each mutation is one transaction with its audit event; versions are never updated.

import { firstHeading } from '@pi-studio/core/documents/body';
import { type CreatableKind, defaultTitle, documentCode } from '@pi-studio/core/documents/kinds';
import { renderTemplate } from '@pi-studio/core/documents/template-render';
import { type Bump, bumpVersion, FIRST_VERSION, formatVersion } from '@pi-studio/core/documents/version';
import { frontMatterTitle } from '@pi-studio/core/markdown/front-matter';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../use-case/actor.ts';
import type { Deps } from '../../use-case/deps.ts';
import { Conflict, conflict, Invalid, notFound, staleVersion, validationFailed } from '../../use-case/errors.ts';
import { type AuditActor, writeAudit } from '../audit/writer.ts';
import { expectedRevision, type PreparedContent, prepareContent } from './content.ts';
import { presentStaleCurrent } from './presenters.ts';
import {
  appendVersion,
  type DocumentRecord,
  findDocument,
  findDocumentIdByKind,
  findVersionById,
  insertDocument,
  type ProductRef,
  type VersionWithBody,
} from './repo.ts';
import { defaultTemplateId, findTemplate, templateVersionBody } from './templates-repo.ts';

export type DocumentView = { doc: DocumentRecord; current: VersionWithBody | null };

export async function loadDocumentView(deps: Deps, id: string): Promise<DocumentView> {
  const doc = await findDocument(deps.db, id);
  if (!doc) throw new Error(`document ${id} vanished`);
  return { doc, current: doc.currentVersionId ? await findVersionById(deps.db, doc.currentVersionId) : null };
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

export async function createDocument(
  deps: Deps,
  actor: Actor,
  who: AuditActor,
  product: ProductRef,
  input: NewDocumentInput,
): Promise<DocumentView> {
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
      await writeAudit(tx, who, {
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

export async function saveVersion(
  deps: Deps,
  actor: Actor,
  who: AuditActor,
  documentId: string,
  ifMatch: string | undefined,
  input: NewVersionInput,
): Promise<{ version: VersionWithBody; revision: number }> {
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
    await writeAudit(tx, who, {
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
