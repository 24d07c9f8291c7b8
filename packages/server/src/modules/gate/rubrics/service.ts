// Rubric administration: versions are added, never edited; one version is active for new submissions.
import type { RubricBody, RubricDetail } from '@pi-studio/core/contract/gate';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { type Rubric, RubricSchema } from '@pi-studio/core/gate/rubric';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import type { Deps } from '../../../use-case/deps.ts';
import { conflict, Invalid, notFound } from '../../../use-case/errors.ts';
import { requireStudioRole } from '../../../use-case/policy.ts';
import { writeAudit } from '../../audit/writer.ts';
import { presentRubric } from './presenters.ts';
import {
  activateRubric,
  findActiveRubricId,
  findRubric,
  findRubricVersion,
  insertRubric,
  listRubrics,
  nextRubricVersion,
} from './repo.ts';

const SYSTEM = { actorId: null, actorLabel: 'system', requestId: 'bootstrap' };
const RUBRIC_EDITORS = ['admin', 'productops'] as const;

// Rubrics are studio-wide data: everyone signed in reads them (the editor scores with them); admins and
// ProductOps add and activate versions.
export async function rubricList(ctx: UseCaseCtx) {
  ctx.markAuthorized();
  return { items: (await listRubrics(ctx.deps.db)).map(presentRubric) };
}

export async function rubricDetail(ctx: UseCaseCtx, id: string): Promise<RubricDetail> {
  ctx.markAuthorized();
  const found = await findRubric(ctx.deps.db, id);
  if (!found) throw notFound('rubric');
  return { ...presentRubric(found), definition: found.definition };
}

/** Every problem of the definition, each named by its path (`definition.criteria.3.check`). */
function invalidRubric(definition: Record<string, unknown>, version: number) {
  const parsed = RubricSchema.safeParse({ ...definition, version });
  if (parsed.success) return { rubric: parsed.data, problems: [] };
  const problems = parsed.error.issues.slice(0, 20).map((i) => {
    const path = ['definition', ...i.path.map(String)];
    if (i.code === 'unrecognized_keys') return { name: [...path, i.keys[0]].join('.'), reason: 'unknown field' };
    return { name: path.join('.'), reason: i.message };
  });
  return { rubric: null, problems };
}

/** The server numbers versions (max + 1 per rubric id); a `version` in the body is ignored. */
export async function createRubric(ctx: UseCaseCtx, body: RubricBody) {
  requireStudioRole(ctx, RUBRIC_EDITORS);
  const actor = ctx.requireActor();
  const rubricId = typeof body.definition.id === 'string' ? body.definition.id : '';
  const version = await nextRubricVersion(ctx.deps.db, rubricId);
  const { rubric, problems } = invalidRubric(body.definition, version);
  if (!rubric) {
    throw new Invalid(problems, 'invalid_rubric');
  }
  const id = await ctx.deps.db
    .transaction(async (tx) => {
      const rowId = await insertRubric(tx, {
        rubric,
        active: false,
        authorId: actor.userId,
        createdAt: ctx.deps.now(),
      });
      await writeAudit(tx, ctx.who(), {
        action: 'rubric.created',
        targetType: 'rubric',
        targetId: rowId,
        targetLabel: `${rubric.id} v${rubric.version}`,
        after: {
          rubricId: rubric.id,
          version: rubric.version,
          name: rubric.name,
          criteria: rubric.criteria.map((c) => ({ id: c.id, weight: c.weight, check: c.check })),
          verdict: rubric.verdict,
        },
      });
      return rowId;
    })
    .catch((err: unknown) => {
      // Two admins saving a version of one rubric at once: the unique (rubric_id, version) index lets one win.
      if (isUniqueViolation(err))
        throw conflict(
          'rubric_version_taken',
          `${rubric.id} v${version} was just saved by someone else; send it again`,
        );
      throw err;
    });
  return rubricDetail(ctx, id);
}

export async function activate(ctx: UseCaseCtx, id: string) {
  requireStudioRole(ctx, RUBRIC_EDITORS);
  const found = await findRubric(ctx.deps.db, id);
  if (!found) throw notFound('rubric');
  if (!found.active) {
    await ctx.deps.db.transaction(async (tx) => {
      const previous = await activateRubric(tx, id);
      await writeAudit(tx, ctx.who(), {
        action: 'rubric.activated',
        targetType: 'rubric',
        targetId: id,
        targetLabel: `${found.rubricId} v${found.version}`,
        before: { activeRubricRowId: previous },
        after: { activeRubricRowId: id },
      });
    });
  }
  return rubricDetail(ctx, id);
}

/**
 * Idempotent: stores the built-in rubric version. It becomes active when no rubric is, or when the active one is an
 * earlier built-in version (nobody chose it over the others); a studio that activated a version of its own keeps it.
 */
export async function seedDefaultRubric(deps: Deps, builtIn: Rubric = DEFAULT_RUBRIC): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (await findRubricVersion(tx, builtIn.id, builtIn.version)) return;
    const activeId = await findActiveRubricId(tx);
    const current = activeId ? await findRubric(tx, activeId) : null;
    const supersedes =
      current !== null &&
      current.rubricId === builtIn.id &&
      current.author === null &&
      current.version < builtIn.version;
    const id = await insertRubric(tx, {
      rubric: builtIn,
      active: activeId === null,
      authorId: null,
      createdAt: deps.now(),
    });
    const label = `${builtIn.id} v${builtIn.version}`;
    await writeAudit(tx, SYSTEM, {
      action: 'rubric.created',
      targetType: 'rubric',
      targetId: id,
      targetLabel: label,
      after: { rubricId: builtIn.id, version: builtIn.version, active: activeId === null || supersedes },
    });
    if (!supersedes) return;
    const previous = await activateRubric(tx, id);
    await writeAudit(tx, SYSTEM, {
      action: 'rubric.activated',
      targetType: 'rubric',
      targetId: id,
      targetLabel: label,
      before: { activeRubricRowId: previous },
      after: { activeRubricRowId: id },
    });
  });
}
