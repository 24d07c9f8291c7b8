// Queries for documents and their versions. Rows are mapped to plain records here; nothing else touches tables.
import type { DocumentKind } from '@pi-studio/core/documents/kinds';
import type { Version } from '@pi-studio/core/documents/version';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { documents, documentVersions } from '../../db/schema/documents.ts';
import { products, subsidiaries } from '../../db/schema/workspace.ts';

export type Person = { id: string; name: string; email: string } | null;

export type ProductRef = {
  id: string;
  code: string;
  name: string;
  subsidiaryId: string;
  subsidiaryCode: string;
  subsidiaryName: string;
};

export type VersionRecord = {
  id: string;
  documentId: string;
  major: number;
  minor: number;
  author: Person;
  createdAt: Date;
  contentHash: string;
  note: string;
  sourceFile: string | null;
  metadata: Record<string, unknown>;
};
export type VersionWithBody = VersionRecord & { body: string };

export type DocumentRecord = {
  id: string;
  kind: DocumentKind;
  title: string;
  revision: number;
  currentVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
  product: ProductRef;
};

export type DocumentSummaryRecord = Omit<DocumentRecord, 'product'> & {
  current: Pick<VersionRecord, 'id' | 'major' | 'minor' | 'createdAt' | 'author'> | null;
  versionCount: number;
};

const documentColumns = {
  id: documents.id,
  kind: documents.kind,
  title: documents.title,
  revision: documents.revision,
  currentVersionId: documents.currentVersionId,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

const productColumns = {
  id: products.id,
  code: products.code,
  name: products.name,
  subsidiaryId: products.subsidiaryId,
  subsidiaryCode: subsidiaries.code,
  subsidiaryName: subsidiaries.name,
};

const versionColumns = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  major: documentVersions.major,
  minor: documentVersions.minor,
  createdAt: documentVersions.createdAt,
  contentHash: documentVersions.contentHash,
  note: documentVersions.note,
  sourceFile: documentVersions.sourceFile,
  metadata: documentVersions.metadata,
  authorId: users.id,
  authorName: users.name,
  authorEmail: users.email,
};

type VersionRow = Omit<VersionRecord, 'author'> & {
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
};

function toVersion(r: VersionRow): VersionRecord {
  const { authorId, authorName, authorEmail, ...rest } = r;
  return { ...rest, author: authorId ? { id: authorId, name: authorName ?? '', email: authorEmail ?? '' } : null };
}

export async function findProductByCode(db: Executor, code: string): Promise<ProductRef | null> {
  const [row] = await db
    .select(productColumns)
    .from(products)
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .where(eq(products.code, code));
  return row ?? null;
}

export async function findDocument(
  db: Executor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<DocumentRecord | null> {
  const q = db
    .select({
      ...documentColumns,
      product: productColumns,
    })
    .from(documents)
    .innerJoin(products, eq(products.id, documents.productId))
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .where(eq(documents.id, id));
  // FOR UPDATE serialises concurrent saves of one document on PostgreSQL; the revision check does the rest.
  const [row] = opts.lock ? await q.for('update', { of: documents }) : await q;
  return row ? { ...row, kind: row.kind as DocumentKind } : null;
}

export async function findDocumentIdByKind(
  db: Executor,
  productId: string,
  kind: DocumentKind,
): Promise<string | null> {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.productId, productId), eq(documents.kind, kind)));
  return row?.id ?? null;
}

export async function listDocumentSummaries(db: Executor, productId: string): Promise<DocumentSummaryRecord[]> {
  const versionCount = sql<number>`(select count(*) from ${documentVersions} dv where dv.document_id = ${documents.id})`;
  const rows = await db
    .select({
      ...documentColumns,
      versionCount,
      major: documentVersions.major,
      minor: documentVersions.minor,
      versionCreatedAt: documentVersions.createdAt,
      authorId: users.id,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(documents)
    .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .leftJoin(users, eq(users.id, documentVersions.authorId))
    .where(eq(documents.productId, productId))
    .orderBy(documents.kind, documents.createdAt);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DocumentKind,
    title: r.title,
    revision: r.revision,
    currentVersionId: r.currentVersionId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    versionCount: Number(r.versionCount),
    current:
      r.currentVersionId && r.major !== null && r.minor !== null && r.versionCreatedAt
        ? {
            id: r.currentVersionId,
            major: r.major,
            minor: r.minor,
            createdAt: r.versionCreatedAt,
            author: r.authorId ? { id: r.authorId, name: r.authorName ?? '', email: r.authorEmail ?? '' } : null,
          }
        : null,
  }));
}

export async function listVersions(db: Executor, documentId: string): Promise<VersionRecord[]> {
  const rows = await db
    .select(versionColumns)
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.authorId))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.major), desc(documentVersions.minor));
  return rows.map(toVersion);
}

async function oneVersion(db: Executor, where: ReturnType<typeof and>): Promise<VersionWithBody | null> {
  const [row] = await db
    .select({ ...versionColumns, body: documentVersions.body })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.authorId))
    .where(where)
    .orderBy(desc(documentVersions.major), desc(documentVersions.minor))
    .limit(1);
  if (!row) return null;
  const { body, ...rest } = row;
  return { ...toVersion(rest), body };
}

export const findVersionById = (db: Executor, id: string) => oneVersion(db, eq(documentVersions.id, id));

export const findVersion = (db: Executor, documentId: string, v: Version) =>
  oneVersion(
    db,
    and(
      eq(documentVersions.documentId, documentId),
      eq(documentVersions.major, v.major),
      eq(documentVersions.minor, v.minor),
    ),
  );

/** The newest version older than `v`, or null when `v` is the first. */
export const findVersionBefore = (db: Executor, documentId: string, v: Version) =>
  oneVersion(
    db,
    and(
      eq(documentVersions.documentId, documentId),
      or(
        lt(documentVersions.major, v.major),
        and(eq(documentVersions.major, v.major), lt(documentVersions.minor, v.minor)),
      ),
    ),
  );

export type NewVersion = {
  documentId: string;
  version: Version;
  body: string;
  contentHash: string;
  metadata: Record<string, unknown>;
  note: string;
  sourceFile: string | null;
  authorId: string | null;
  createdAt: Date;
};

export async function insertDocument(
  tx: Executor,
  d: { productId: string; kind: DocumentKind; title: string; createdAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(documents)
    .values({
      productId: d.productId,
      kind: d.kind,
      title: d.title,
      revision: 0,
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    })
    .returning({ id: documents.id });
  if (!row) throw new Error('document insert returned nothing');
  return row.id;
}

/** Inserts an immutable version and makes it the document's current one, bumping the revision (the ETag). */
export async function appendVersion(
  tx: Executor,
  v: NewVersion,
  title: string,
): Promise<{ id: string; revision: number }> {
  const [row] = await tx
    .insert(documentVersions)
    .values({
      documentId: v.documentId,
      major: v.version.major,
      minor: v.version.minor,
      body: v.body,
      contentHash: v.contentHash,
      metadata: v.metadata,
      note: v.note,
      sourceFile: v.sourceFile,
      authorId: v.authorId,
      createdAt: v.createdAt,
    })
    .returning({ id: documentVersions.id });
  if (!row) throw new Error('version insert returned nothing');
  const [doc] = await tx
    .update(documents)
    .set({ currentVersionId: row.id, title, revision: sql`${documents.revision} + 1`, updatedAt: v.createdAt })
    .where(eq(documents.id, v.documentId))
    .returning({ revision: documents.revision });
  if (!doc) throw new Error('document update returned nothing');
  return { id: row.id, revision: doc.revision };
}
