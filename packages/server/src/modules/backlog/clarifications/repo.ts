// Clarification rows: a question about a sprint's work, answered once.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { sprintClarifications, sprints } from '../../../db/schema/backlog.ts';

type Person = { id: string; name: string; email: string };

export type ClarificationRecord = {
  id: string;
  sprintId: string;
  question: string;
  askedBy: Person | null;
  askedAt: Date;
  answer: string | null;
  answeredBy: Person | null;
  answeredAt: Date | null;
};

const asker = alias(users, 'asker');
const answerer = alias(users, 'answerer');

const person = (id: string | null, name: string | null, email: string | null): Person | null =>
  id !== null && name !== null && email !== null ? { id, name, email } : null;

async function select(db: Executor, where: ReturnType<typeof and>): Promise<ClarificationRecord[]> {
  const rows = await db
    .select({
      row: sprintClarifications,
      askerName: asker.name,
      askerEmail: asker.email,
      answererName: answerer.name,
      answererEmail: answerer.email,
    })
    .from(sprintClarifications)
    .leftJoin(asker, eq(asker.id, sprintClarifications.askedBy))
    .leftJoin(answerer, eq(answerer.id, sprintClarifications.answeredBy))
    .where(where)
    .orderBy(asc(sprintClarifications.askedAt), asc(sprintClarifications.id));
  return rows.map(({ row, ...r }) => ({
    id: row.id,
    sprintId: row.sprintId,
    question: row.question,
    askedBy: person(row.askedBy, r.askerName, r.askerEmail),
    askedAt: row.askedAt,
    answer: row.answer,
    answeredBy: person(row.answeredBy, r.answererName, r.answererEmail),
    answeredAt: row.answeredAt,
  }));
}

/** A sprint's clarifications, oldest first. */
export const listClarifications = (db: Executor, sprintId: string) =>
  select(db, and(eq(sprintClarifications.sprintId, sprintId)));

export async function findClarification(
  db: Executor,
  sprintId: string,
  id: string,
): Promise<ClarificationRecord | null> {
  const [row] = await select(db, and(eq(sprintClarifications.sprintId, sprintId), eq(sprintClarifications.id, id)));
  return row ?? null;
}

/**
 * The sprint's status, holding the sprint row until the transaction ends: a question and the sprint's end cannot
 * cross (the end waits, or the question sees the sprint ended).
 */
export async function lockSprintStatus(tx: Executor, sprintId: string): Promise<string | null> {
  const [row] = await tx.select({ status: sprints.status }).from(sprints).where(eq(sprints.id, sprintId)).for('share');
  return row?.status ?? null;
}

export async function insertClarification(
  tx: Executor,
  v: { sprintId: string; question: string; askedBy: string | null; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(sprintClarifications)
    .values({ sprintId: v.sprintId, question: v.question, askedBy: v.askedBy, askedAt: v.at })
    .returning({ id: sprintClarifications.id });
  if (!row) throw new Error('clarification insert returned nothing');
  return row.id;
}

/** Records the answer unless one is there already; false when another answer got there first. */
export async function answerOnce(
  tx: Executor,
  id: string,
  v: { answer: string; answeredBy: string | null; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(sprintClarifications)
    .set({ answer: v.answer, answeredBy: v.answeredBy, answeredAt: v.at })
    .where(and(eq(sprintClarifications.id, id), isNull(sprintClarifications.answeredAt)))
    .returning({ id: sprintClarifications.id });
  return rows.length === 1;
}

/** When each question of these sprints was asked and answered (the sprints' metrics). */
export async function clarificationTimes(
  db: Executor,
  sprintIds: readonly string[],
): Promise<{ sprintId: string; askedAt: Date; answeredAt: Date | null }[]> {
  if (sprintIds.length === 0) return [];
  return db
    .select({
      sprintId: sprintClarifications.sprintId,
      askedAt: sprintClarifications.askedAt,
      answeredAt: sprintClarifications.answeredAt,
    })
    .from(sprintClarifications)
    .where(inArray(sprintClarifications.sprintId, [...sprintIds]));
}
