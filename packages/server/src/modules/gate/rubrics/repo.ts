// Rubric rows. A stored definition is never changed; activation only moves the `active` flag.
import { parseRubric, type Rubric } from '@pi-studio/core/gate/rubric';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { rubrics } from '../../../db/schema/gate.ts';

export type RubricRecord = {
  id: string;
  rubricId: string;
  version: number;
  name: string;
  active: boolean;
  createdAt: Date;
  author: { id: string; name: string; email: string } | null;
};

const columns = {
  id: rubrics.id,
  rubricId: rubrics.rubricId,
  version: rubrics.version,
  name: rubrics.name,
  active: rubrics.active,
  createdAt: rubrics.createdAt,
  authorId: users.id,
  authorName: users.name,
  authorEmail: users.email,
};

type Row = Omit<RubricRecord, 'author'> & {
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
};

const toRecord = ({ authorId, authorName, authorEmail, ...r }: Row): RubricRecord => ({
  ...r,
  author: authorId ? { id: authorId, name: authorName ?? '', email: authorEmail ?? '' } : null,
});

export async function listRubrics(db: Executor): Promise<RubricRecord[]> {
  const rows = await db
    .select(columns)
    .from(rubrics)
    .leftJoin(users, eq(users.id, rubrics.authorId))
    .orderBy(rubrics.rubricId, desc(rubrics.version));
  return rows.map(toRecord);
}

/** A rubric row with its definition: the JSON object it was validated as when stored (never changed since). */
export async function findRubric(
  db: Executor,
  id: string,
): Promise<(RubricRecord & { definition: Record<string, unknown> }) | null> {
  const [row] = await db
    .select({ ...columns, definition: rubrics.definition })
    .from(rubrics)
    .leftJoin(users, eq(users.id, rubrics.authorId))
    .where(eq(rubrics.id, id));
  if (!row) return null;
  const { definition, ...rest } = row;
  return { ...toRecord(rest), definition: definition as Record<string, unknown> };
}

export async function findActiveRubricId(db: Executor): Promise<string | null> {
  const [row] = await db.select({ id: rubrics.id }).from(rubrics).where(eq(rubrics.active, true));
  return row?.id ?? null;
}

export async function findRubricVersion(db: Executor, rubricId: string, version: number): Promise<string | null> {
  const [row] = await db
    .select({ id: rubrics.id })
    .from(rubrics)
    .where(and(eq(rubrics.rubricId, rubricId), eq(rubrics.version, version)));
  return row?.id ?? null;
}

export async function nextRubricVersion(db: Executor, rubricId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | string | null>`max(${rubrics.version})` })
    .from(rubrics)
    .where(eq(rubrics.rubricId, rubricId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertRubric(
  tx: Executor,
  r: { rubric: Rubric; active: boolean; authorId: string | null; createdAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(rubrics)
    .values({
      rubricId: r.rubric.id,
      version: r.rubric.version,
      name: r.rubric.name,
      definition: r.rubric,
      active: r.active,
      authorId: r.authorId,
      createdAt: r.createdAt,
    })
    .returning({ id: rubrics.id });
  if (!row) throw new Error('rubric insert returned nothing');
  return row.id;
}

/** Deactivates the others first: the partial unique index allows one active row at any moment. */
export async function activateRubric(tx: Executor, id: string): Promise<string | null> {
  const [previous] = await tx
    .update(rubrics)
    .set({ active: false })
    .where(and(eq(rubrics.active, true), ne(rubrics.id, id)))
    .returning({ id: rubrics.id });
  await tx.update(rubrics).set({ active: true }).where(eq(rubrics.id, id));
  return previous?.id ?? null;
}

// Rows are immutable, so a parsed (and engine-compiled) rubric can be kept per row id for the process lifetime.
const parsedCache = new Map<string, Rubric>();

/** The stored definition as a rubric; a row that no longer validates is a server fault, not user input. */
export function rubricOf(rowId: string, definition: unknown): Rubric {
  const hit = parsedCache.get(rowId);
  if (hit) return hit;
  const parsed = parseRubric(definition);
  if (!parsed.ok) throw new Error(`stored rubric ${rowId} is invalid: ${parsed.error}`);
  if (parsedCache.size > 200) parsedCache.clear();
  parsedCache.set(rowId, parsed.rubric);
  return parsed.rubric;
}

export async function loadRubric(db: Executor, rowId: string): Promise<Rubric> {
  const hit = parsedCache.get(rowId);
  if (hit) return hit;
  const [row] = await db.select({ definition: rubrics.definition }).from(rubrics).where(eq(rubrics.id, rowId));
  if (!row) throw new Error(`rubric ${rowId} vanished`);
  return rubricOf(rowId, row.definition);
}
