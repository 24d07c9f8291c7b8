// Queries for templates and their versions. A template's current version is its highest major.minor.
import type { DocumentKind } from '@pi-studio/core/documents/kinds';
import type { Version } from '@pi-studio/core/documents/version';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { templates, templateVersions } from '../../../db/schema/documents.ts';
import { subsidiaries } from '../../../db/schema/workspace.ts';
import type { Person } from '../repo.ts';

export type TemplateVersionRecord = { id: string; major: number; minor: number; createdAt: Date; author: Person };

export type TemplateRecord = {
  id: string;
  kind: DocumentKind;
  name: string;
  subsidiary: { id: string; code: string; name: string } | null;
  createdAt: Date;
  current: TemplateVersionRecord | null;
};

// The newest version of each template, picked in SQL so a list is one query.
const latest = sql`(select tv.id from ${templateVersions} tv where tv.template_id = ${templates.id}
  order by tv.major desc, tv.minor desc limit 1)`;

async function selectTemplates(db: Executor, where: ReturnType<typeof and>): Promise<TemplateRecord[]> {
  const rows = await db
    .select({
      id: templates.id,
      kind: templates.kind,
      name: templates.name,
      createdAt: templates.createdAt,
      subId: subsidiaries.id,
      subCode: subsidiaries.code,
      subName: subsidiaries.name,
      versionId: templateVersions.id,
      major: templateVersions.major,
      minor: templateVersions.minor,
      versionCreatedAt: templateVersions.createdAt,
      authorId: users.id,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(templates)
    .leftJoin(subsidiaries, eq(subsidiaries.id, templates.subsidiaryId))
    .leftJoin(templateVersions, sql`${templateVersions.id} = ${latest}`)
    .leftJoin(users, eq(users.id, templateVersions.authorId))
    .where(where)
    .orderBy(asc(templates.kind), asc(templates.name));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DocumentKind,
    name: r.name,
    createdAt: r.createdAt,
    subsidiary: r.subId ? { id: r.subId, code: r.subCode ?? '', name: r.subName ?? '' } : null,
    current:
      r.versionId && r.major !== null && r.minor !== null && r.versionCreatedAt
        ? {
            id: r.versionId,
            major: r.major,
            minor: r.minor,
            createdAt: r.versionCreatedAt,
            author: r.authorId ? { id: r.authorId, name: r.authorName ?? '', email: r.authorEmail ?? '' } : null,
          }
        : null,
  }));
}

export const listTemplates = (db: Executor, kind?: DocumentKind) =>
  selectTemplates(db, kind ? eq(templates.kind, kind) : undefined);

export async function findTemplate(db: Executor, id: string): Promise<TemplateRecord | null> {
  return (await selectTemplates(db, eq(templates.id, id)))[0] ?? null;
}

/** The template a new document of `kind` starts from: the subsidiary's own first, then the global one. */
export async function defaultTemplateId(
  db: Executor,
  kind: DocumentKind,
  subsidiaryId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.kind, kind), or(eq(templates.subsidiaryId, subsidiaryId), isNull(templates.subsidiaryId))))
    .orderBy(sql`${templates.subsidiaryId} is null`, asc(templates.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export async function listTemplateVersions(db: Executor, templateId: string): Promise<TemplateVersionRecord[]> {
  const rows = await db
    .select({
      id: templateVersions.id,
      major: templateVersions.major,
      minor: templateVersions.minor,
      createdAt: templateVersions.createdAt,
      authorId: users.id,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(templateVersions)
    .leftJoin(users, eq(users.id, templateVersions.authorId))
    .where(eq(templateVersions.templateId, templateId))
    .orderBy(desc(templateVersions.major), desc(templateVersions.minor));
  return rows.map(({ authorId, authorName, authorEmail, ...v }) => ({
    ...v,
    author: authorId ? { id: authorId, name: authorName ?? '', email: authorEmail ?? '' } : null,
  }));
}

export async function templateVersionBody(db: Executor, versionId: string): Promise<string | null> {
  const [row] = await db
    .select({ body: templateVersions.body })
    .from(templateVersions)
    .where(eq(templateVersions.id, versionId));
  return row?.body ?? null;
}

export async function insertTemplateVersion(
  tx: Executor,
  v: { templateId: string; version: Version; body: string; authorId: string | null; createdAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(templateVersions)
    .values({
      templateId: v.templateId,
      major: v.version.major,
      minor: v.version.minor,
      body: v.body,
      authorId: v.authorId,
      createdAt: v.createdAt,
    })
    .returning({ id: templateVersions.id });
  if (!row) throw new Error('template version insert returned nothing');
  return row.id;
}

/** Seeding: inserts the template unless one of that kind and name exists; returns the new id or null. */
export async function insertTemplateIfMissing(
  tx: Executor,
  t: { kind: DocumentKind; name: string },
): Promise<string | null> {
  const [row] = await tx
    .insert(templates)
    .values({ kind: t.kind, name: t.name })
    .onConflictDoNothing({ target: [templates.kind, templates.name] })
    .returning({ id: templates.id });
  return row?.id ?? null;
}

/** Locks the template row so two concurrent saves cannot both compute the same next version. */
export async function lockTemplate(tx: Executor, id: string): Promise<void> {
  await tx.select({ id: templates.id }).from(templates).where(eq(templates.id, id)).for('update');
}
