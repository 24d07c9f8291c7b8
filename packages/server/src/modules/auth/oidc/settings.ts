// Where the single sign-on provider comes from: the environment (PISTUDIO_OIDC_*) wins over what an administrator
// saved in the admin UI, so an operator can pin the provider in deployment and the UI shows it read-only.
// Mapping rules, just-in-time users and allowed domains are always the admin UI's.
import type { SsoRule } from '@pi-studio/core/access/sso';
import { ZSsoRule } from '@pi-studio/core/contract/sign-in';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { studioSettings } from '../../db/schema/sign-in.ts';
import type { Deps } from '../../use-case/deps.ts';

export const SSO_SETTINGS_KEY = 'oidc';

/** What the admin UI saves under studio_settings key `oidc` (server-only: the client secret never leaves it). */
export const ZStoredSso = z.object({
  enabled: z.boolean().default(false),
  issuer: z.string().default(''),
  clientId: z.string().default(''),
  clientSecret: z.string().default(''),
  label: z.string().default('single sign-on'),
  jit: z.boolean().default(false),
  allowedDomains: z.array(z.string()).default([]),
  groupsClaim: z.string().default('groups'),
  rules: z.array(ZSsoRule).default([]),
});
export type StoredSso = z.infer<typeof ZStoredSso>;

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

export async function readStoredSso(db: Executor): Promise<StoredSso> {
  const [row] = await db
    .select({ value: studioSettings.value })
    .from(studioSettings)
    .where(eq(studioSettings.key, SSO_SETTINGS_KEY))
    .limit(1);
  const parsed = ZStoredSso.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : ZStoredSso.parse({});
}

/** Call inside the transaction that writes the audit event for the change. */
export async function writeStoredSso(tx: Executor, value: StoredSso, by: string | null): Promise<void> {
  await tx
    .insert(studioSettings)
    .values({ key: SSO_SETTINGS_KEY, value, updatedBy: by })
    .onConflictDoUpdate({ target: studioSettings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
}

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

export async function readEffectiveSso(deps: Deps): Promise<EffectiveSso> {
  return effectiveSso(deps, await readStoredSso(deps.db));
}
