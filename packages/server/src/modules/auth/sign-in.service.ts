import type { Deps } from '../../http/deps.ts';
import { type AuditActor, writeAudit } from '../audit/writer.ts';
import { readSignInSettings, type SignInSettings, writeSignInSettings } from './sign-in-settings.ts';

export const getSignInSettings = (deps: Deps): Promise<SignInSettings> => readSignInSettings(deps.db);

export async function updateSignInSettings(deps: Deps, next: SignInSettings, who: AuditActor): Promise<SignInSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await readSignInSettings(tx);
    await writeSignInSettings(tx, next, who.actorId);
    await writeAudit(tx, who, {
      action: 'settings.sign_in_changed',
      targetType: 'studio_settings',
      targetId: 'sign_in',
      targetLabel: 'Sign-in',
      before,
      after: next,
    });
    return next;
  });
}
