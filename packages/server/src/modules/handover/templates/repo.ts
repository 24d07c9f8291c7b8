// Stored checklist templates (the built-in v1 is in core, not here).
import type { ChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { handoverTemplates } from '../../../db/schema/handover.ts';

export type TemplateRow = {
  body: ChecklistTemplate;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
};

const columns = {
  body: handoverTemplates.body,
  createdAt: handoverTemplates.createdAt,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
};

type Row = {
  body: ChecklistTemplate;
  createdAt: Date;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
};

const toRow = (r: Row): TemplateRow => ({
  body: r.body,
  createdAt: r.createdAt,
  createdBy:
    r.userId && r.userName !== null && r.userEmail !== null
      ? { id: r.userId, name: r.userName, email: r.userEmail }
      : null,
});

export async function listStoredTemplates(db: Executor): Promise<TemplateRow[]> {
  const rows = await db
    .select(columns)
    .from(handoverTemplates)
    .leftJoin(users, eq(users.id, handoverTemplates.createdBy))
    .orderBy(handoverTemplates.templateId, desc(handoverTemplates.version))
    .limit(1000);
  return rows.map(toRow);
}

export async function findStoredTemplate(db: Executor, id: string, version: number): Promise<TemplateRow | null> {
  const [row] = await db
    .select(columns)
    .from(handoverTemplates)
    .leftJoin(users, eq(users.id, handoverTemplates.createdBy))
    .where(and(eq(handoverTemplates.templateId, id), eq(handoverTemplates.version, version)))
    .limit(1);
  return row ? toRow(row) : null;
}

export async function newestStoredVersion(db: Executor, id: string): Promise<number | null> {
  const [row] = await db
    .select({ version: handoverTemplates.version })
    .from(handoverTemplates)
    .where(eq(handoverTemplates.templateId, id))
    .orderBy(desc(handoverTemplates.version))
    .limit(1);
  return row?.version ?? null;
}

/** Inserts the template; false when that id and version exist already. */
export async function insertTemplate(tx: Executor, body: ChecklistTemplate, createdBy: string | null, at: Date) {
  const [row] = await tx
    .insert(handoverTemplates)
    .values({ templateId: body.id, version: body.version, body, createdBy, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: handoverTemplates.id });
  return row?.id ?? null;
}
