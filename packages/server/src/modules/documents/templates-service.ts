// Template use cases: read, and save a new version (audited). Templates are global in v1.

import { normalizeBody } from '@pi-studio/core/documents/body';
import type { DocumentKind } from '@pi-studio/core/documents/kinds';
import { type Bump, bumpVersion, FIRST_VERSION, formatVersion } from '@pi-studio/core/documents/version';
import type { Actor } from '../../use-case/actor.ts';
import type { Deps } from '../../use-case/deps.ts';
import { Invalid, notFound, PreconditionRequired, staleVersion } from '../../use-case/errors.ts';
import { type AuditActor, writeAudit } from '../audit/writer.ts';
import { presentTemplateDetail } from './presenters.ts';
import {
  findTemplate,
  insertTemplateVersion,
  listTemplates,
  listTemplateVersions,
  lockTemplate,
  type TemplateRecord,
  templateVersionBody,
} from './templates-repo.ts';

export const templatesOfKind = (deps: Deps, kind?: DocumentKind) => listTemplates(deps.db, kind);

export async function templateDetail(deps: Deps, id: string) {
  const t = await findTemplate(deps.db, id);
  if (!t) throw notFound('template');
  const [versions, body] = await Promise.all([
    listTemplateVersions(deps.db, id),
    t.current ? templateVersionBody(deps.db, t.current.id) : Promise.resolve(''),
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
  deps: Deps,
  actor: Actor,
  who: AuditActor,
  id: string,
  input: { body: string; bump: Bump },
  ifMatch?: string,
) {
  const expected = expectedTemplateVersion(ifMatch);
  const body = normalizeBody(input.body);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
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
    await writeAudit(tx, who, {
      action: 'template.version_saved',
      targetType: 'template',
      targetId: id,
      targetLabel: `${t.name} template v${formatVersion(version)}`,
      subsidiaryId: t.subsidiary?.id ?? null,
      before: t.current ? { version: formatVersion(t.current) } : null,
      after: { version: formatVersion(version), versionId, chars: body.length },
    });
  });
  return templateDetail(deps, id);
}
