import type { SignInSettings } from '@pi-studio/core/contract/sign-in';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { readStoredSso } from '../oidc/repo.ts';
import { effectiveSso } from '../oidc/settings.ts';
import { readSignInSettings, writeSignInSettings } from './repo.ts';

export const getSignInSettings = (ctx: UseCaseCtx): Promise<SignInSettings> => readSignInSettings(ctx.deps.db);

export async function updateSignInSettings(ctx: UseCaseCtx, next: SignInSettings): Promise<SignInSettings> {
  const { deps } = ctx;
  const who = ctx.who();
  return deps.db.transaction(async (tx) => {
    const before = await readSignInSettings(tx);
    // Read through `tx`: on PGlite's one connection a read outside the open transaction would wait for it forever.
    // The same rule as PUT /admin/sso: password sign-in off with no working SSO would leave only administrators.
    if (
      before.localPasswordSignIn &&
      !next.localPasswordSignIn &&
      !effectiveSso(deps, await readStoredSso(tx)).enabled
    ) {
      throw validationFailed([
        { name: 'localPasswordSignIn', reason: 'turn single sign-on on before turning password sign-in off' },
      ]);
    }
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
