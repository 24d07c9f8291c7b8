// Template use cases: read, and save a new version (audited). Templates are global in v1.

import { normalizeBody } from '@pi-studio/core/documents/body';
import type { DocumentKind } from '@pi-studio/core/documents/kinds';
import { type Bump, bumpVersion, FIRST_VERSION, formatVersion } from '@pi-studio/core/documents/version';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Invalid, notFound, PreconditionRequired, staleVersion } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { requireTemplateEditor } from '../policy.ts';
import { presentTemplate, presentTemplateDetail } from './presenters.ts';
import {
  findTemplate,
  insertTemplateVersion,
  listTemplates,
  listTemplateVersions,
  lockTemplate,
  type TemplateRecord,
  templateVersionBody,
} from './repo.ts';

// Templates are global in v1 (no subsidiary scope), so every signed-in user may read them.
export async function templatesOfKind(ctx: UseCaseCtx, kind?: DocumentKind) {
  ctx.markAuthorized();
  return { items: (await listTemplates(ctx.deps.db, kind)).map(presentTemplate) };
}

export async function templateDetail(ctx: UseCaseCtx, id: string) {
  ctx.markAuthorized();
  const { db } = ctx.deps;
  const t = await findTemplate(db, id);
  if (!t) throw notFound('template');
  const [versions, body] = await Promise.all([
    listTemplateVersions(db, id),
    t.current ? templateVersionBody(db, t.current.id) : Promise.resolve(''),
  ]);
  return presentTemplateDetail(t, versions, body ?? '');
}

/** A template's ETag is its current version: `"1.3"` (`"0"` before the first version). */
export const templateEtag = (t: { currentVersion: { version: string } | null }) =>
  `"${t.currentVersion?.version ?? '0'}"`;

/** `If-Match: "1.3"` (W/ allowed) → "1.3"; absent → undefined (older clients); anything else → 428. */
function expectedTemplateVersion(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,6}\.\d{1,6}|0)"?\s*$/.exec(header);
  if (!m?.[1]) {
    throw new PreconditionRequired(
      'precondition_required',
      'If-Match must be the template ETag, e.g. If-Match: "1.3"',
      [{ name: 'If-Match', reason: 'not a template ETag' }],
    );
  }
  return m[1];
}

/**
 * Saves the next version. With If-Match (what the web UI sends) a save based on an older version gets 409
 * stale_version and nothing is stored, so two editors cannot silently overwrite each other.
 */
export async function saveTemplateVersion(
  ctx: UseCaseCtx,
  id: string,
  input: { body: string; bump: Bump },
  ifMatch?: string,
) {
  requireTemplateEditor(ctx);
  const actor = ctx.requireActor();
  const expected = expectedTemplateVersion(ifMatch);
  const body = normalizeBody(input.body);
  const now = ctx.deps.now();
  await ctx.deps.db.transaction(async (tx) => {
    await lockTemplate(tx, id);
    const t: TemplateRecord | null = await findTemplate(tx, id);
    if (!t) throw notFound('template');
    const currentVersion = t.current ? formatVersion(t.current) : '0';
    if (expected !== undefined && expected !== currentVersion) {
      throw staleVersion(
        `the template changed since version ${expected}: it is now at version ${currentVersion}; your text was not ` +
          'saved — reload, merge and save again',
        `stale: current version is ${currentVersion}`,
        `"${currentVersion}"`,
        { version: currentVersion },
      );
    }
    const currentBody = t.current ? await templateVersionBody(tx, t.current.id) : null;
    if (t.current && currentBody === body) {
      throw new Invalid(
        [{ name: 'body', reason: `identical to version ${formatVersion(t.current)}` }],
        'no_change',
        `the text is identical to version ${formatVersion(t.current)}`,
      );
    }
    const version = t.current ? bumpVersion(t.current, input.bump) : FIRST_VERSION;
    const versionId = await insertTemplateVersion(tx, {
      templateId: id,
      version,
      body,
      authorId: actor.userId,
      createdAt: now,
    });
    await writeAudit(tx, ctx.who(), {
      action: 'template.version_saved',
      targetType: 'template',
      targetId: id,
      targetLabel: `${t.name} template v${formatVersion(version)}`,
      subsidiaryId: t.subsidiary?.id ?? null,
      before: t.current ? { version: formatVersion(t.current) } : null,
      after: { version: formatVersion(version), versionId, chars: body.length },
    });
  });
  return templateDetail(ctx, id);
}
