// Studio-wide sign-in policy, edited by administrators and stored in studio_settings under one key. The shape is the
// seam between password sign-in, the second factor (TOTP) and single sign-on (OIDC): each reads what it needs here.
import { type SignInSettings, ZSignInSettings } from '@pi-studio/core/contract/sign-in';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { studioSettings } from '../../../db/schema/sign-in.ts';

export const SIGN_IN_SETTINGS_KEY = 'sign_in';

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { localPasswordSignIn: true, requireTotp: 'off' };

/** The stored policy merged over the defaults (keys added later read as their default). */
export async function readSignInSettings(db: Executor): Promise<SignInSettings> {
  const [row] = await db
    .select({ value: studioSettings.value })
    .from(studioSettings)
    .where(eq(studioSettings.key, SIGN_IN_SETTINGS_KEY))
    .limit(1);
  const parsed = ZSignInSettings.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_SIGN_IN_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** Call inside the transaction that writes the audit event for the change. */
export async function writeSignInSettings(tx: Executor, value: SignInSettings, by: string | null): Promise<void> {
  await tx
    .insert(studioSettings)
    .values({ key: SIGN_IN_SETTINGS_KEY, value, updatedBy: by })
    .onConflictDoUpdate({ target: studioSettings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
}
