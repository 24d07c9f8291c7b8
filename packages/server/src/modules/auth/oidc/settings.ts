// Where the single sign-on provider comes from: the environment (PISTUDIO_OIDC_*) wins over what an administrator
// saved in the admin UI, so an operator can pin the provider in deployment and the UI shows it read-only.
// Mapping rules, just-in-time users and allowed domains are always the admin UI's.
import type { SsoRule } from '@pi-studio/core/access/sso';
import type { Deps } from '../../../use-case/deps.ts';
import { readStoredSso } from './repo.ts';
import type { StoredSso } from './schemas.ts';

export type SsoProvider = { issuer: string; clientId: string; clientSecret: string | undefined; label: string };

export type EffectiveSso = {
  /** Where the provider connection comes from; null: none configured. */
  source: 'environment' | 'settings' | null;
  /** SSO can be used to sign in now. */
  enabled: boolean;
  provider: SsoProvider | null;
  jit: boolean;
  allowedDomains: string[];
  groupsClaim: string;
  rules: SsoRule[];
};

export function effectiveSso(deps: Pick<Deps, 'config'>, stored: StoredSso): EffectiveSso {
  const env = deps.config.oidc;
  const fromSettings =
    stored.issuer && stored.clientId
      ? {
          issuer: stored.issuer,
          clientId: stored.clientId,
          clientSecret: stored.clientSecret || undefined,
          label: stored.label,
        }
      : null;
  const provider = env ?? fromSettings;
  return {
    source: env ? 'environment' : fromSettings ? 'settings' : null,
    enabled: Boolean(env) || (Boolean(fromSettings) && stored.enabled),
    provider,
    jit: stored.jit,
    allowedDomains: stored.allowedDomains,
    groupsClaim: stored.groupsClaim,
    rules: stored.rules,
  };
}

export async function readEffectiveSso(deps: Pick<Deps, 'config' | 'db'>): Promise<EffectiveSso> {
  return effectiveSso(deps, await readStoredSso(deps.db));
}
