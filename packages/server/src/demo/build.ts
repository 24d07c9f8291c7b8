// Turns one product's facts into rows: the product, its Context and PRD documents with every version
// (rendered Markdown, sha256 content hash, times spread over past weeks) and the audit events that tell the story.
import { randomUUID } from 'node:crypto';
import type { auditEvents } from '../db/schema/audit.ts';
import type { documents, documentVersions } from '../db/schema/documents.ts';
import type { products } from '../db/schema/workspace.ts';
import { sha256 } from '../modules/auth/crypto.ts';
import { renderContext } from './context.ts';
import type { PersonKey, ProductFacts, Stage, VersionSpec } from './facts.ts';
import { demoEmail } from './people.ts';
import { renderPrd } from './prd.ts';

const STAGES: Stage[] = ['intake', 'gate', 'build', 'uat', 'handover', 'live', 'archived'];
export const HOUR = 3_600_000;
export const WEEK = 7 * 24 * HOUR;
/** The loader itself: for setting the studio up (subsidiaries, people), which no demo person did. */
export const DEMO_LOADER = { actorId: null, actorLabel: 'demo', requestId: 'demo' } as const;

export type AuditRow = typeof auditEvents.$inferInsert;
export type DemoActor = Pick<AuditRow, 'actorId' | 'actorLabel' | 'requestId'>;

/** The demo person who did it, named as real events name their actor (user id and email). */
export function demoActor(people: ReadonlyMap<PersonKey, string>, key: PersonKey | undefined): DemoActor {
  const id = key ? people.get(key) : undefined;
  return key && id ? { actorId: id, actorLabel: demoEmail(key), requestId: 'demo' } : DEMO_LOADER;
}

export const audit = (
  at: Date,
  by: DemoActor,
  row: Omit<AuditRow, 'at' | 'actorId' | 'actorLabel' | 'requestId'>,
): AuditRow => ({ ...by, at, ...row });

/** Spreads timestamps over the past weeks; a few hours per step keeps same-week versions in order. */
const versionTime = (now: Date, spec: VersionSpec, step: number) =>
  new Date(now.getTime() - spec.weeksAgo * WEEK - (spec.weeksAgo === 0 ? 6 : 30) * HOUR + step * 2 * HOUR);

export function buildProduct(
  facts: ProductFacts,
  ctx: { now: Date; subsidiaryId: string; people: Map<PersonKey, string> },
) {
  const { now, subsidiaryId, people } = ctx;
  const code = `${facts.sub}-${facts.key}`;
  const personId = (key: PersonKey | undefined) => (key ? (people.get(key) ?? null) : null);
  const productId = randomUUID();
  const docs: (typeof documents.$inferInsert)[] = [];
  const versions: (typeof documentVersions.$inferInsert)[] = [];
  const log: AuditRow[] = [];

  for (const [kind, specs] of [
    ['context', facts.contextVersions],
    ['prd', facts.prd],
  ] as const) {
    if (specs.length === 0) continue;
    const documentId = randomUUID();
    const docCode = `${code}-${kind.toUpperCase()}`;
    const authors = specs.map((spec) => spec.author ?? (kind === 'prd' ? facts.po : (facts.vb ?? facts.po)));
    const rows = specs.map((spec, step) => {
      const at = versionTime(now, spec, step);
      const [major, minor] = spec.version.split('.').map(Number) as [number, number];
      const body = kind === 'prd' ? renderPrd({ facts, spec, at }) : renderContext({ facts, spec, at });
      return {
        id: randomUUID(),
        documentId,
        major,
        minor,
        body,
        contentHash: sha256(body),
        note: spec.note,
        authorId: personId(authors[step]),
        createdAt: at,
      };
    });
    versions.push(...rows);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) continue;
    const title = `${facts.name} — ${kind === 'prd' ? 'PRD' : 'Context'}`;
    docs.push({
      id: documentId,
      productId,
      kind,
      title,
      currentVersionId: last.id,
      revision: rows.length,
      createdAt: first.createdAt,
      updatedAt: last.createdAt,
    });
    log.push(
      audit(first.createdAt, demoActor(people, authors[0]), {
        action: 'document.created',
        targetType: 'document',
        targetId: documentId,
        targetLabel: docCode,
        subsidiaryId,
        after: { kind, title, version: `${first.major}.${first.minor}` },
      }),
    );
    for (const [i, r] of rows.entries()) {
      if (i === 0) continue;
      log.push(
        audit(r.createdAt, demoActor(people, authors[i]), {
          action: 'document.version_saved',
          targetType: 'document',
          targetId: documentId,
          targetLabel: `${docCode} v${r.major}.${r.minor}`,
          subsidiaryId,
          after: { version: `${r.major}.${r.minor}`, note: r.note },
        }),
      );
    }
  }

  const firstAt = Math.min(now.getTime(), ...versions.map((v) => (v.createdAt as Date).getTime()));
  const createdAt = new Date(firstAt - 24 * HOUR);
  // Stage history: evenly spaced moves from intake to the product's stage, ending a day ago.
  const steps = STAGES.indexOf(facts.stage);
  const span = now.getTime() - 24 * HOUR - createdAt.getTime();
  let updatedAt = createdAt;
  // A venture builder brings the idea in; the product owner then moves it through the stages.
  log.push(
    audit(createdAt, demoActor(people, facts.vb ?? facts.po), {
      action: 'product.created',
      targetType: 'product',
      targetId: productId,
      targetLabel: code,
      subsidiaryId,
      after: { code, name: facts.name, stage: 'intake' },
    }),
  );
  // Into the gate and on to build the gate moved it (the PO submitted); later stages need evidence the studio does
  // not record yet, so the history shows them as forced moves (seed data: the loader, not a person, forced them).
  let forced: { from: string; reason: string; at: Date } | null = null;
  for (let i = 1; i <= steps; i++) {
    updatedAt = new Date(createdAt.getTime() + (span * i) / (steps + 1));
    const [before, after] = [STAGES[i - 1] as Stage, STAGES[i] as Stage];
    const byGate = after === 'gate' || after === 'build';
    const reason = byGate ? `${code}-PRD at the gate` : `${after} evidence recorded outside PI Studio (demo history)`;
    forced = byGate ? null : { from: before, reason, at: updatedAt };
    log.push(
      audit(updatedAt, byGate ? demoActor(people, facts.po) : DEMO_LOADER, {
        action: byGate ? 'product.stage_changed' : 'product.stage_forced',
        targetType: 'product',
        targetId: productId,
        targetLabel: code,
        subsidiaryId,
        before: { stage: before },
        after: { stage: after, reason },
      }),
    );
  }
  const product: typeof products.$inferInsert = {
    id: productId,
    code,
    name: facts.name,
    subsidiaryId,
    productType: facts.type,
    tags: facts.tags,
    stage: facts.stage,
    summary: facts.summary,
    poId: personId(facts.po),
    builderId: personId(facts.builder),
    itOwnerId: personId(facts.it),
    stageForcedFrom: forced?.from ?? null,
    stageForcedReason: forced?.reason ?? null,
    stageForcedAt: forced?.at ?? null,
    revision: 1 + steps,
    createdAt,
    updatedAt,
  };
  return { product, docs, versions, log };
}
