import { DEFAULT_TEMPLATES } from '@pi-studio/core/documents/default-templates';
import { FIRST_VERSION } from '@pi-studio/core/documents/version';
import type { Deps } from '../../../use-case/deps.ts';
import { writeAudit } from '../../audit/writer.ts';
import { insertTemplateIfMissing, insertTemplateVersion } from './repo.ts';

const SYSTEM = { actorId: null, actorLabel: 'system', requestId: 'bootstrap' };

/** Idempotent: Context, PRD, User Story and Handover templates as v1.0 when missing. Edited templates are left alone. */
export async function seedTemplates(deps: Deps): Promise<void> {
  await deps.db.transaction(async (tx) => {
    for (const t of DEFAULT_TEMPLATES) {
      const id = await insertTemplateIfMissing(tx, t);
      if (!id) continue;
      await insertTemplateVersion(tx, {
        templateId: id,
        version: FIRST_VERSION,
        body: t.body,
        authorId: null,
        createdAt: deps.now(),
      });
      await writeAudit(tx, SYSTEM, {
        action: 'template.created',
        targetType: 'template',
        targetId: id,
        targetLabel: `${t.name} template v1.0`,
        after: { kind: t.kind, name: t.name, version: '1.0' },
      });
    }
  });
}
