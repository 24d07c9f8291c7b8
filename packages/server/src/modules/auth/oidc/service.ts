// Single sign-on use cases: send the browser to the identity provider, and turn its answer into a PI Studio session
// (find, link or create the user; apply the membership rules; start the session exactly as a password sign-in does).
import { domainAllowed, mapMemberships, verifiedEmail } from '@pi-studio/core/access/sso';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { signInChallenges, userIdentities } from '../../db/schema/sign-in.ts';
import { memberships, subsidiaries } from '../../db/schema/workspace.ts';
import type { Deps } from '../../use-case/deps.ts';
import { writeAudit } from '../audit/writer.ts';
import { clearActorCache } from './actor-cache.ts';
import { hashPassword, randomToken, sha256 } from './crypto.ts';
import { authorizationUrl, discover, exchangeCode, ProviderError } from './oidc.client.ts';
import { type EffectiveSso, readEffectiveSso } from './oidc.settings.ts';
import { findUserByEmail, findUserById, rolesOf, type UserRow } from './repo.ts';
import { type LoginResult, startSession } from './service.ts';

/** How long the browser may spend at the identity provider before the sign-in must start again. */
export const SSO_CHALLENGE_TTL_MS = 10 * 60_000;

/** Stable codes for the login page (`/login?error=<code>`); the page words each one. */
export type SsoFailure =
  | 'sso_not_configured'
  | 'sso_expired'
  | 'sso_denied'
  | 'sso_failed'
  | 'sso_email_unverified'
  | 'sso_domain_not_allowed'
  | 'sso_no_account'
  | 'sso_account_disabled'
  | 'sso_identity_conflict';

export class SsoSignInError extends Error {
  constructor(
    readonly code: SsoFailure,
    message: string,
  ) {
    super(message);
  }
}

const ZChallengeData = z.object({
  issuer: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
});

function usable(sso: EffectiveSso) {
  if (!sso.enabled || !sso.provider) throw new SsoSignInError('sso_not_configured', 'single sign-on is not set up');
  return sso.provider;
}

async function discoverOrFail(deps: Deps, sso: EffectiveSso) {
  try {
    return await discover(usable(sso), deps.now().getTime());
  } catch (err) {
    if (err instanceof SsoSignInError) throw err;
    deps.log.warn({ err: (err as Error).message }, 'sso: provider discovery failed');
    throw new SsoSignInError('sso_failed', 'the identity provider could not be reached');
  }
}

/** Starts a sign-in: remembers state, nonce and PKCE verifier under a random handle the browser keeps in a cookie. */
export async function startSsoSignIn(
  deps: Deps,
  redirectUri: string,
  returnTo: string,
): Promise<{ location: string; handle: string }> {
  const sso = await readEffectiveSso(deps);
  const config = await discoverOrFail(deps, sso);
  const start = await authorizationUrl(config, redirectUri);
  const handle = randomToken();
  const now = deps.now();
  const data = {
    issuer: usable(sso).issuer,
    state: start.state,
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    returnTo,
  } satisfies z.infer<typeof ZChallengeData>;
  await deps.db.transaction(async (tx) => {
    // Abandoned sign-ins would pile up otherwise; the expiry index makes this cheap.
    await tx
      .delete(signInChallenges)
      .where(and(eq(signInChallenges.kind, 'oidc'), lt(signInChallenges.expiresAt, now)));
    await tx.insert(signInChallenges).values({
      id: sha256(handle),
      kind: 'oidc',
      data,
      expiresAt: new Date(now.getTime() + SSO_CHALLENGE_TTL_MS),
    });
  });
  return { location: start.url.href, handle };
}

/**
 * Finishes a sign-in from the provider's redirect. The challenge is deleted before anything is checked, so a
 * callback URL works once: a replayed or stolen one finds nothing.
 */
export async function finishSsoSignIn(
  deps: Deps,
  handle: string | undefined,
  callbackUrl: URL,
  requestId: string,
): Promise<{ login: LoginResult; returnTo: string }> {
  const now = deps.now();
  const expired = new SsoSignInError('sso_expired', 'the sign-in expired or was already used; start again');
  if (!handle) throw expired;
  const [challenge] = await deps.db
    .delete(signInChallenges)
    .where(and(eq(signInChallenges.id, sha256(handle)), eq(signInChallenges.kind, 'oidc')))
    .returning();
  const data = ZChallengeData.safeParse(challenge?.data);
  if (!challenge || challenge.expiresAt <= now || !data.success) throw expired;

  const sso = await readEffectiveSso(deps);
  // The provider was changed while this person was away at the old one: its answer means nothing now.
  if (sso.provider?.issuer !== data.data.issuer) {
    throw new SsoSignInError('sso_not_configured', 'the single sign-on provider changed; start again');
  }
  const config = await discoverOrFail(deps, sso);
  let claims: Record<string, unknown>;
  try {
    claims = await exchangeCode(config, callbackUrl, data.data);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    deps.log.warn({ err: err.message }, 'sso: sign-in refused by the provider or the token checks');
    throw new SsoSignInError(err.kind === 'denied' ? 'sso_denied' : 'sso_failed', err.message);
  }

  // One transaction: a user is never created or linked without the session and audit events that explain it.
  const login = await deps.db.transaction(async (tx) => {
    const user = await resolveUser(tx, deps, sso, claims, requestId);
    await syncMemberships(tx, user, verifiedEmail(claims) ?? user.email, claims, sso, requestId);
    return startSession(deps, user, requestId, { method: 'oidc', tx });
  });
  clearActorCache(); // roles may have changed for this user's other sessions too
  return { login, returnTo: data.data.returnTo };
}

/** The PI Studio user behind these claims: linked identity, else verified email (linking it), else a new user. */
async function resolveUser(
  tx: Executor,
  deps: Deps,
  sso: EffectiveSso,
  claims: Record<string, unknown>,
  requestId: string,
) {
  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const email = verifiedEmail(claims);
  const now = deps.now();
  if (sso.allowedDomains.length > 0) {
    if (!email) throw new SsoSignInError('sso_email_unverified', 'the provider did not vouch for an email address');
    if (!domainAllowed(email, sso.allowedDomains)) {
      throw new SsoSignInError('sso_domain_not_allowed', `email domain of ${email} is not allowed`);
    }
  }

  const [identity] = await tx
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  let user: UserRow | undefined;
  if (identity) {
    user = await findUserById(tx, identity.userId);
    await tx
      .update(userIdentities)
      .set({ lastLoginAt: now, email: email ?? identity.email })
      .where(eq(userIdentities.id, identity.id));
  } else {
    // Matching by email is only safe when the provider vouches for the address; otherwise anyone who can set
    // their email at the provider could take over the PI Studio account with that email.
    if (!email) throw new SsoSignInError('sso_email_unverified', 'the provider did not vouch for an email address');
    user = await findUserByEmail(tx, email);
    if (user) {
      const [other] = await tx
        .select({ id: userIdentities.id })
        .from(userIdentities)
        .where(and(eq(userIdentities.userId, user.id), eq(userIdentities.issuer, issuer)))
        .limit(1);
      // The account is already someone's at this provider (a reassigned address): never hand it to a second subject.
      if (other) throw new SsoSignInError('sso_identity_conflict', `${email} is linked to another identity`);
    } else if (sso.jit) {
      user = await createSsoUser(tx, email, claims, requestId);
    } else {
      throw new SsoSignInError('sso_no_account', `no PI Studio account for ${email}`);
    }
    await tx.insert(userIdentities).values({ userId: user.id, issuer, subject, email, lastLoginAt: now });
  }
  if (!user || user.disabled) throw new SsoSignInError('sso_account_disabled', 'this account is disabled');
  return user;
}

function displayName(email: string, claims: Record<string, unknown>): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : `${given} ${family}`;
  return (name.trim() || email.split('@')[0] || email).slice(0, 200);
}

async function createSsoUser(
  tx: Executor,
  email: string,
  claims: Record<string, unknown>,
  requestId: string,
): Promise<UserRow> {
  // The hash of a random secret nobody ever sees: a well-formed hash (sign-in attempts take the usual time, so they
  // do not reveal SSO-only accounts) that no password matches. An administrator may set a password later.
  const passwordHash = await hashPassword(randomToken(32));
  const [row] = await tx
    .insert(users)
    .values({ email, name: displayName(email, claims), passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new SsoSignInError('sso_failed', `${email} was created at the same moment; sign in again`);
  await writeAudit(
    tx,
    { actorId: row.id, actorLabel: row.email, requestId },
    {
      action: 'user.created',
      targetType: 'user',
      targetId: row.id,
      targetLabel: row.email,
      after: { email: row.email, name: row.name, isAdmin: false, via: 'sso' },
    },
  );
  return row;
}

/**
 * Applies the mapping rules. A subsidiary named by any rule is managed by SSO: the role there is set from the rules,
 * or removed when none matches (also a role given by hand). Subsidiaries no rule names are left alone.
 */
async function syncMemberships(
  tx: Executor,
  user: UserRow,
  email: string,
  claims: Record<string, unknown>,
  sso: EffectiveSso,
  requestId: string,
): Promise<void> {
  const desired = mapMemberships(email, claims, sso.rules, sso.groupsClaim);
  if (desired.size === 0) return;
  const subs = await tx
    .select({ id: subsidiaries.id, code: subsidiaries.code })
    .from(subsidiaries)
    .where(inArray(subsidiaries.code, [...desired.keys()]));
  const current = await rolesOf(tx, user.id);
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const sub of subs) {
    const want = desired.get(sub.code) ?? null;
    const have = current.get(sub.id) ?? null;
    if (want === have) continue;
    before[sub.code] = have;
    after[sub.code] = want;
    if (want === null) {
      await tx.delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.subsidiaryId, sub.id)));
    } else {
      await tx
        .insert(memberships)
        .values({ userId: user.id, subsidiaryId: sub.id, role: want })
        .onConflictDoUpdate({ target: [memberships.userId, memberships.subsidiaryId], set: { role: want } });
    }
  }
  if (Object.keys(after).length === 0) return;
  await writeAudit(
    tx,
    { actorId: user.id, actorLabel: user.email, requestId },
    {
      action: 'user.memberships_synced',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
      before,
      after,
    },
  );
}
