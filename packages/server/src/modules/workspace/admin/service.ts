// Subsidiaries, taxonomy and the naming convention: small admin use cases, each one transaction with its audit event.
import type {
  IdCheck,
  Naming,
  Subsidiary,
  SubsidiaryList,
  SubsidiaryPatch,
  TaxonomyBody,
  TaxonomyList,
  TaxonomyPatch,
  TaxonomyTerm,
} from '@pi-studio/core/contract/workspace';
import {
  checkConvention,
  DEFAULT_CONVENTION,
  type NamingConvention,
  parseId,
  ZNamingConvention,
} from '@pi-studio/core/naming/convention';
import type { Executor } from '../../../db/client.ts';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, notFound, validationFailed } from '../../../use-case/errors.ts';
import { requireStudioRole } from '../../../use-case/policy.ts';
import { writeAudit } from '../../audit/writer.ts';
import { presentSubsidiary, presentTerm } from './presenters.ts';
import {
  findSubsidiaryByCode,
  findTerm,
  getSetting,
  insertSubsidiary,
  insertTerm,
  listSubsidiaries,
  listTerms,
  putSetting,
  updateSubsidiaryRow,
  updateTermRow,
} from './repo.ts';

/** The taxonomy and templates are managed by administrators and ProductOps. */
const TAXONOMY_ROLES = ['admin', 'productops'] as const;

/** The subsidiaries the actor belongs to (administrators: all), with product counts and the actor's role there. */
export async function listVisibleSubsidiaries(ctx: UseCaseCtx): Promise<SubsidiaryList> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const rows = await listSubsidiaries(ctx.deps.db, visibleSubsidiaries(actor));
  return {
    items: rows.map((r) => presentSubsidiary(r.subsidiary, r.productCount, actor.roles.get(r.subsidiary.id) ?? null)),
    nextCursor: null,
  };
}

export async function createSubsidiary(ctx: UseCaseCtx, code: string, name: string): Promise<Subsidiary> {
  return ctx.deps.db.transaction(async (tx) => {
    const row = await insertSubsidiary(tx, code, name);
    if (!row) throw conflict('subsidiary_exists', `subsidiary ${code} already exists`);
    await writeAudit(tx, ctx.who(), {
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

/**
 * Renames a subsidiary and/or switches its four-eyes rule at the gate (on by default: the author of a submitted PRD
 * version cannot decide its review). Each change is its own audit action, in one transaction.
 */
export async function updateSubsidiary(ctx: UseCaseCtx, code: string, patch: SubsidiaryPatch): Promise<Subsidiary> {
  const sub = await findSubsidiaryByCode(ctx.deps.db, code);
  if (!sub) throw notFound(`subsidiary ${code}`);
  return ctx.deps.db.transaction(async (tx) => {
    const row = await updateSubsidiaryRow(tx, sub.id, patch);
    if (!row) throw notFound(`subsidiary ${code}`);
    const target = { targetType: 'subsidiary', targetId: sub.id, targetLabel: code, subsidiaryId: sub.id };
    if (patch.name !== undefined && patch.name !== sub.name) {
      await writeAudit(tx, ctx.who(), {
        action: 'subsidiary.renamed',
        ...target,
        before: { name: sub.name },
        after: { name: patch.name },
      });
    }
    if (patch.gateFourEyes !== undefined && patch.gateFourEyes !== sub.gateFourEyes) {
      await writeAudit(tx, ctx.who(), {
        action: 'subsidiary.gate_rule_changed',
        ...target,
        before: { gateFourEyes: sub.gateFourEyes },
        after: { gateFourEyes: patch.gateFourEyes },
      });
    }
    return presentSubsidiary(row, 0, null);
  });
}

/** Product types and tags; every signed-in person may read them. */
export async function listTaxonomy(ctx: UseCaseCtx, kind?: string): Promise<TaxonomyList> {
  ctx.markAuthorized();
  return { items: (await listTerms(ctx.deps.db, kind)).map(presentTerm), nextCursor: null };
}

export async function createTerm(ctx: UseCaseCtx, body: TaxonomyBody): Promise<TaxonomyTerm> {
  requireStudioRole(ctx, TAXONOMY_ROLES);
  const { kind, code, label } = body;
  return ctx.deps.db.transaction(async (tx) => {
    const row = await insertTerm(tx, { kind, code, label });
    if (!row) throw conflict('term_exists', `${kind} "${code}" already exists`);
    await writeAudit(tx, ctx.who(), {
      action: 'taxonomy.created',
      targetType: 'taxonomy_term',
      targetId: row.id,
      targetLabel: `${kind}:${code}`,
      after: { kind, code, label },
    });
    return presentTerm(row);
  });
}

export async function updateTerm(ctx: UseCaseCtx, id: string, patch: TaxonomyPatch): Promise<TaxonomyTerm> {
  requireStudioRole(ctx, TAXONOMY_ROLES);
  const before = await findTerm(ctx.deps.db, id);
  if (!before) throw notFound('taxonomy term');
  return ctx.deps.db.transaction(async (tx) => {
    const row = await updateTermRow(tx, id, patch);
    if (!row) throw notFound('taxonomy term');
    await writeAudit(tx, ctx.who(), {
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

const NAMING_KEY = 'naming_convention';

/** The naming convention in force (the default until one is saved), read with `db` (a transaction or not). */
export async function readConvention(db: Executor): Promise<Naming> {
  const row = await getSetting(db, NAMING_KEY);
  if (!row) return { convention: DEFAULT_CONVENTION, version: 0 };
  const parsed = ZNamingConvention.safeParse(row.value);
  return { convention: parsed.success ? parsed.data : DEFAULT_CONVENTION, version: row.version };
}

/** Every signed-in person may read the convention (forms and id checks use it). */
export async function getConvention(ctx: UseCaseCtx): Promise<Naming> {
  ctx.markAuthorized();
  return readConvention(ctx.deps.db);
}

/** Replaces the convention with a new version, audited in the same transaction. */
export async function saveConvention(ctx: UseCaseCtx, convention: NamingConvention): Promise<Naming> {
  return ctx.deps.db.transaction(async (tx) => {
    const problem = checkConvention(convention);
    if (problem) throw validationFailed([{ name: `convention.${problem.split(' ')[0]}`, reason: problem }]);
    const before = await readConvention(tx);
    const version = before.version + 1;
    await putSetting(tx, NAMING_KEY, convention, version);
    await writeAudit(tx, ctx.who(), {
      action: 'naming.updated',
      targetType: 'setting',
      targetId: NAMING_KEY,
      targetLabel: `naming convention v${version}`,
      before: before.convention,
      after: convention,
    });
    return { convention, version };
  });
}

/** Checks an id against the convention in force and says what it names. */
export async function checkId(ctx: UseCaseCtx, id: string): Promise<IdCheck> {
  const { convention } = await getConvention(ctx);
  const r = parseId(convention, id);
  return r.ok ? { valid: true, kind: r.id.kind, parts: r.id } : { valid: false, error: r.error };
}
