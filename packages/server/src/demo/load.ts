// Loads the demo studio in one transaction with batch inserts: a new user opens a living studio
// (four subsidiaries, people in every role, products at every stage, PRDs of varied quality with history).
// Re-running keeps what exists: subsidiaries and users are reused, products whose code exists are skipped.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { users } from '../db/schema/accounts.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { documents, documentVersions } from '../db/schema/documents.ts';
import { memberships, products, subsidiaries, taxonomyTerms } from '../db/schema/workspace.ts';
import { hashPassword } from '../modules/auth/crypto.ts';
import { MODULES } from '../modules/index.ts';
import type { Deps } from '../use-case/deps.ts';
import { type AuditRow, audit, buildProduct, DEMO_LOADER, WEEK } from './build.ts';
import { DEMO_PRODUCTS, DEMO_TAXONOMY } from './catalog/all.ts';
import type { PersonKey } from './facts.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SUBSIDIARIES, demoEmail } from './people.ts';

export type DemoSummary = {
  subsidiaries: number;
  users: number;
  products: number;
  documents: number;
  versions: number;
};

async function ensureSubsidiaries(tx: Tx, at: Date, log: AuditRow[]) {
  const inserted = await tx
    .insert(subsidiaries)
    .values(DEMO_SUBSIDIARIES.map((s) => ({ ...s, createdAt: at })))
    .onConflictDoNothing()
    .returning();
  for (const s of inserted) {
    log.push(
      audit(at, DEMO_LOADER, {
        action: 'subsidiary.created',
        targetType: 'subsidiary',
        targetId: s.id,
        targetLabel: s.code,
        subsidiaryId: s.id,
        after: { code: s.code, name: s.name },
      }),
    );
  }
  const codes = DEMO_SUBSIDIARIES.map((s) => s.code);
  const rows = await tx.select().from(subsidiaries).where(inArray(subsidiaries.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function ensurePeople(tx: Tx, at: Date, subsidiaryIds: Map<string, string>, log: AuditRow[]) {
  const keys = Object.keys(DEMO_PEOPLE) as PersonKey[];
  const emails = keys.map(demoEmail);
  const existing = await tx.select().from(users).where(inArray(users.email, emails));
  const ids = new Map<PersonKey, string>();
  for (const key of keys) {
    const found = existing.find((u) => u.email === demoEmail(key));
    if (found) ids.set(key, found.id);
  }
  const missing = keys.filter((k) => !ids.has(k));
  // The demo password is published, so a salt per account protects nothing here; one scrypt instead of
  // fifteen keeps first start fast (~1 s less on two cores). A changed password gets its own salt as usual.
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : '';
  const rows = missing.map((key) => ({
    id: randomUUID(),
    email: demoEmail(key),
    name: DEMO_PEOPLE[key].name,
    passwordHash,
    createdAt: at,
  }));
  if (rows.length > 0) await tx.insert(users).values(rows);
  const member: (typeof memberships.$inferInsert)[] = [];
  for (const [i, key] of missing.entries()) {
    const row = rows[i];
    if (!row) continue;
    ids.set(key, row.id);
    const roles = Object.entries(DEMO_PEOPLE[key].roles);
    for (const [code, role] of roles) {
      const subsidiaryId = subsidiaryIds.get(code);
      if (subsidiaryId && role) member.push({ userId: row.id, subsidiaryId, role });
    }
    log.push(
      audit(at, DEMO_LOADER, {
        action: 'user.created',
        targetType: 'user',
        targetId: row.id,
        targetLabel: row.email,
        after: { email: row.email, name: row.name, roles: Object.fromEntries(roles) },
      }),
    );
  }
  if (member.length > 0) await tx.insert(memberships).values(member).onConflictDoNothing();
  return ids;
}

export async function loadDemo(deps: Deps): Promise<DemoSummary> {
  const now = deps.now();
  const founded = new Date(now.getTime() - 45 * WEEK);
  return deps.db.transaction(async (tx) => {
    const log: AuditRow[] = [];
    await tx
      .insert(taxonomyTerms)
      .values(DEMO_TAXONOMY.map((t) => ({ ...t, createdAt: founded })))
      .onConflictDoNothing();
    const subsidiaryIds = await ensureSubsidiaries(tx, founded, log);
    const people = await ensurePeople(tx, founded, subsidiaryIds, log);
    const taken = new Set(
      (
        await tx
          .select({ code: products.code })
          .from(products)
          .where(
            inArray(
              products.code,
              DEMO_PRODUCTS.map((p) => `${p.sub}-${p.key}`),
            ),
          )
      ).map((r) => r.code),
    );
    const built = DEMO_PRODUCTS.filter((f) => !taken.has(`${f.sub}-${f.key}`)).map((facts) => {
      const subsidiaryId = subsidiaryIds.get(facts.sub);
      if (!subsidiaryId) throw new Error(`demo subsidiary ${facts.sub} missing`);
      return buildProduct(facts, { now, subsidiaryId, people });
    });
    const docs = built.flatMap((b) => b.docs);
    const versions = built.flatMap((b) => b.versions);
    if (built.length > 0) await tx.insert(products).values(built.map((b) => b.product));
    if (docs.length > 0) await tx.insert(documents).values(docs);
    // Bodies are large; modest batches keep each statement well under parameter and memory limits.
    for (let i = 0; i < versions.length; i += 200) await tx.insert(documentVersions).values(versions.slice(i, i + 200));
    log.push(...built.flatMap((b) => b.log));
    log.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    for (let i = 0; i < log.length; i += 500) await tx.insert(auditEvents).values(log.slice(i, i + 500));
    // Each module's part (the gate's reviews and Golden library), in list order, on top of the shared studio.
    for (const m of MODULES) await m.demo?.(tx);
    return {
      subsidiaries: subsidiaryIds.size,
      users: people.size,
      products: built.length,
      documents: docs.length,
      versions: versions.length,
    };
  });
}
