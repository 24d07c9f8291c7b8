// Checklist templates (issue #14): the built-in v1 (core) and the versions ProductOps writes after post-handover
// gaps. A template is checked whole by core (`validateChecklistTemplate`: types, duplicate item ids, unknown groups,
// types and flags, items that never apply…), every problem a 422 entry naming its field; nothing is stored half.
// Versions only grow: a template id and version, once stored, never change, so a package built from one reads it
// back exactly.
import type { ChecklistTemplateBody, TemplateSummary } from '@pi-studio/core/contract/handover-package';
import type { ChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template';
import { validateChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template-validate';
import { READINESS_CHECKLIST_V1 } from '@pi-studio/core/handover-package/checklist-v1';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, Invalid, notFound } from '../../../use-case/errors.ts';
import { requireStudioRole } from '../../../use-case/policy.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findStoredTemplate, insertTemplate, listStoredTemplates, newestStoredVersion } from './repo.ts';

const BUILT_IN: readonly ChecklistTemplate[] = [READINESS_CHECKLIST_V1];
export const DEFAULT_TEMPLATE_ID = READINESS_CHECKLIST_V1.id;
const EDITORS = ['admin', 'productops'] as const;

/** A template by id and version, built in or stored; null when neither has it. */
export async function resolveTemplate(db: Executor, id: string, version: number): Promise<ChecklistTemplate | null> {
  const builtIn = BUILT_IN.find((t) => t.id === id && t.version === version);
  if (builtIn) return builtIn;
  return (await findStoredTemplate(db, id, version))?.body ?? null;
}

/** The newest version of a template id (stored versions come after the built-in one). */
export async function newestTemplate(db: Executor, id: string): Promise<ChecklistTemplate | null> {
  const stored = await newestStoredVersion(db, id);
  if (stored !== null) return resolveTemplate(db, id, stored);
  return BUILT_IN.filter((t) => t.id === id).sort((a, b) => b.version - a.version)[0] ?? null;
}

const summary = (t: ChecklistTemplate, builtIn: boolean, createdBy: TemplateSummary['createdBy'], at: Date | null) => ({
  id: t.id,
  version: t.version,
  title: t.title,
  items: t.items.length,
  builtIn,
  createdBy,
  createdAt: at?.toISOString() ?? null,
});

export async function listTemplates(ctx: UseCaseCtx): Promise<{ items: TemplateSummary[] }> {
  ctx.requireActor();
  ctx.markAuthorized();
  const stored = await listStoredTemplates(ctx.deps.db);
  return {
    items: [
      ...stored.map((r) => summary(r.body, false, r.createdBy, r.createdAt)),
      ...BUILT_IN.map((t) => summary(t, true, null, null)),
    ],
  };
}

export async function templateDetail(ctx: UseCaseCtx, id: string, version: number): Promise<ChecklistTemplateBody> {
  ctx.requireActor();
  ctx.markAuthorized();
  const found = await resolveTemplate(ctx.deps.db, id, version);
  if (!found) throw notFound(`checklist template ${id} v${version}`);
  return found as ChecklistTemplateBody;
}

/** `items[3].id` as the API names fields: `items.3.id`. */
const fieldName = (path: string) => path.replace(/\[(\d+)\]/g, '.$1') || 'body';

export async function createTemplate(ctx: UseCaseCtx, input: unknown): Promise<ChecklistTemplateBody> {
  requireStudioRole(ctx, EDITORS);
  const problems = validateChecklistTemplate(input);
  if (problems.length)
    throw new Invalid(
      problems.slice(0, 100).map((p) => ({ name: fieldName(p.field), reason: p.message })),
      'invalid_checklist_template',
      `the checklist template has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    );
  const template = input as ChecklistTemplate;
  const db = ctx.deps.db;
  const newest = await newestTemplate(db, template.id);
  if (newest && template.version <= newest.version)
    throw new Conflict('template_version_exists', `${template.id} is at version ${newest.version}: name the next one`, [
      { name: 'version', reason: `must be above ${newest.version}` },
    ]);
  await db.transaction(async (tx) => {
    const id = await insertTemplate(tx, template, ctx.actor?.userId ?? null, ctx.deps.now());
    if (!id) throw new Conflict('template_version_exists', `${template.id} v${template.version} exists already`);
    await writeAudit(tx, ctx.who(), {
      action: 'handover.template_created',
      targetType: 'handover_template',
      targetId: id,
      targetLabel: `${template.id} v${template.version}`,
      subsidiaryId: null,
      after: { id: template.id, version: template.version, title: template.title, items: template.items.length },
    });
  });
  return template as ChecklistTemplateBody;
}
