import type { Naming } from '@pi-studio/core/contract/workspace';
import {
  checkConvention,
  DEFAULT_CONVENTION,
  type NamingConvention,
  ZNamingConvention,
} from '@pi-studio/core/naming/convention';
import type { Executor } from '../../../db/client.ts';
import { settings } from '../../../db/schema/workspace.ts';
import { validationFailed } from '../../../use-case/errors.ts';
import { type AuditActor, writeAudit } from '../../audit/writer.ts';
import { getSetting } from '../products/repo.ts';

const KEY = 'naming_convention';

export async function getConvention(db: Executor): Promise<Naming> {
  const row = await getSetting(db, KEY);
  if (!row) return { convention: DEFAULT_CONVENTION, version: 0 };
  const parsed = ZNamingConvention.safeParse(row.value);
  return { convention: parsed.success ? parsed.data : DEFAULT_CONVENTION, version: row.version };
}

export async function saveConvention(db: Executor, convention: NamingConvention, who: AuditActor): Promise<Naming> {
  const problem = checkConvention(convention);
  if (problem) throw validationFailed([{ name: `convention.${problem.split(' ')[0]}`, reason: problem }]);
  const before = await getConvention(db);
  const version = before.version + 1;
  await db
    .insert(settings)
    .values({ key: KEY, value: convention, version })
    .onConflictDoUpdate({ target: settings.key, set: { value: convention, version, updatedAt: new Date() } });
  await writeAudit(db, who, {
    action: 'naming.updated',
    targetType: 'setting',
    targetId: KEY,
    targetLabel: `naming convention v${version}`,
    before: before.convention,
    after: convention,
  });
  return { convention, version };
}
