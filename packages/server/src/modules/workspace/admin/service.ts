// Subsidiaries and taxonomy: small admin use cases, each one transaction with its audit event.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { subsidiaries, taxonomyTerms } from '../../../db/schema/workspace.ts';
import { conflict, notFound } from '../../../use-case/errors.ts';
import type { AuditActor } from '../../audit/writer.ts';
import { writeAudit } from '../../audit/writer.ts';
import { presentSubsidiary, presentTerm } from '../products/presenters.ts';
import { findSubsidiaryByCode } from '../products/repo.ts';

export async function createSubsidiary(db: Db, code: string, name: string, who: AuditActor) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(subsidiaries).values({ code, name }).onConflictDoNothing().returning();
    if (!row) throw conflict('subsidiary_exists', `subsidiary ${code} already exists`);
    await writeAudit(tx, who, {
      action: 'subsidiary.created',
      targetType: 'subsidiary',
      targetId: row.id,
      targetLabel: code,
      subsidiaryId: row.id,
      after: { code, name },
    });
    return presentSubsidiary(row, 0, null);
  });
}

export async function renameSubsidiary(db: Db, code: string, name: string, who: AuditActor) {
  const sub = await findSubsidiaryByCode(db, code);
  if (!sub) throw notFound(`subsidiary ${code}`);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(subsidiaries).set({ name }).where(eq(subsidiaries.id, sub.id)).returning();
    if (!row) throw notFound(`subsidiary ${code}`);
    await writeAudit(tx, who, {
      action: 'subsidiary.renamed',
      targetType: 'subsidiary',
      targetId: sub.id,
      targetLabel: code,
      subsidiaryId: sub.id,
      before: { name: sub.name },
      after: { name },
    });
    return presentSubsidiary(row, 0, null);
  });
}

export async function createTerm(db: Db, kind: string, code: string, label: string, who: AuditActor) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(taxonomyTerms).values({ kind, code, label }).onConflictDoNothing().returning();
    if (!row) throw conflict('term_exists', `${kind} "${code}" already exists`);
    await writeAudit(tx, who, {
      action: 'taxonomy.created',
      targetType: 'taxonomy_term',
      targetId: row.id,
      targetLabel: `${kind}:${code}`,
      after: { kind, code, label },
    });
    return presentTerm(row);
  });
}

export async function updateTerm(db: Db, id: string, patch: { label?: string; archived?: boolean }, who: AuditActor) {
  const [before] = await db.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, id)).limit(1);
  if (!before) throw notFound('taxonomy term');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(taxonomyTerms)
      .set(patch)
      .where(and(eq(taxonomyTerms.id, id)))
      .returning();
    if (!row) throw notFound('taxonomy term');
    await writeAudit(tx, who, {
      action: patch.archived === true ? 'taxonomy.archived' : 'taxonomy.updated',
      targetType: 'taxonomy_term',
      targetId: id,
      targetLabel: `${row.kind}:${row.code}`,
      before: { label: before.label, archived: before.archived },
      after: patch,
    });
    return presentTerm(row);
  });
}
