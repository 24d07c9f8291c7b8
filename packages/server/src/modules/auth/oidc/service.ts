// Single sign-on use cases: send the browser to the identity provider, and turn its answer into a PI Studio session
// (find, link or create the user; apply the membership rules; start the session exactly as a password sign-in does).
import { domainAllowed, mapMemberships, verifiedEmail } from '@pi-studio/core/access/sso';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { writeAudit } from '../../audit/writer.ts';
import { clearActorCache } from '../actor-cache.ts';
import { hashPassword, randomToken, sha256 } from '../crypto.ts';
import { findUserByEmail, findUserById, rolesOf, type UserRow } from '../repo.ts';
import { type LoginResult, startSession } from '../sessions/service.ts';
import { authorizationUrl, discover, exchangeCode, ProviderError } from './client.ts';
import {
  deleteMembership,
  findIdentity,
  hasIdentityAt,
  insertIdentity,
  insertSsoChallenge,
  insertUserIfNew,
  subsidiariesByCode,
  takeSsoChallenge,
  touchIdentity,
  upsertMembership,
} from './repo.ts';
import { type ChallengeData, ZChallengeData } from './schemas.ts';
import { type EffectiveSso, readEffectiveSso } from './settings.ts';

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

function usable(sso: EffectiveSso) {
  if (!sso.enabled || !sso.provider) throw new SsoSignInError('sso_not_configured', 'single sign-on is not set up');
  return sso.provider;
}

async function discoverOrFail(ctx: UseCaseCtx, sso: EffectiveSso) {
  const { deps } = ctx;
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
  ctx: UseCaseCtx,
  redirectUri: string,
  returnTo: string,
): Promise<{ location: string; handle: string }> {
  const { deps } = ctx;
  const sso = await readEffectiveSso(deps);
  const config = await discoverOrFail(ctx, sso);
  const start = await authorizationUrl(config, redirectUri);
  const handle = randomToken();
  const now = deps.now();
  const data = {
    issuer: usable(sso).issuer,
    state: start.state,
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    returnTo,
  } satisfies ChallengeData;
  await deps.db.transaction((tx) =>
    insertSsoChallenge(
      tx,
      { id: sha256(handle), data, expiresAt: new Date(now.getTime() + SSO_CHALLENGE_TTL_MS) },
      now,
    ),
  );
  return { location: start.url.href, handle };
}

/**
 * Finishes a sign-in from the provider's redirect. The challenge is deleted before anything is checked, so a
 * callback URL works once: a replayed or stolen one finds nothing.
 */
export async function finishSsoSignIn(
  ctx: UseCaseCtx,
  handle: string | undefined,
  callbackUrl: URL,
): Promise<{ login: LoginResult; returnTo: string }> {
  const { deps } = ctx;
  const now = deps.now();
  const expired = new SsoSignInError('sso_expired', 'the sign-in expired or was already used; start again');
  if (!handle) throw expired;
  const challenge = await takeSsoChallenge(deps.db, sha256(handle));
  const data = ZChallengeData.safeParse(challenge?.data);
  if (!challenge || challenge.expiresAt <= now || !data.success) throw expired;

  const sso = await readEffectiveSso(deps);
  // The provider was changed while this person was away at the old one: its answer means nothing now.
  if (sso.provider?.issuer !== data.data.issuer) {
    throw new SsoSignInError('sso_not_configured', 'the single sign-on provider changed; start again');
  }
  const config = await discoverOrFail(ctx, sso);
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
    const user = await resolveUser(ctx, tx, sso, claims);
    await syncMemberships(ctx, tx, user, verifiedEmail(claims) ?? user.email, claims, sso);
    return startSession(ctx, user, { method: 'oidc', tx });
  });
  clearActorCache(); // roles may have changed for this user's other sessions too
  return { login, returnTo: data.data.returnTo };
}

/** The PI Studio user behind these claims: linked identity, else verified email (linking it), else a new user. */
async function resolveUser(ctx: UseCaseCtx, tx: Executor, sso: EffectiveSso, claims: Record<string, unknown>) {
  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const email = verifiedEmail(claims);
  const now = ctx.deps.now();
  if (sso.allowedDomains.length > 0) {
    if (!email) throw new SsoSignInError('sso_email_unverified', 'the provider did not vouch for an email address');
    if (!domainAllowed(email, sso.allowedDomains)) {
      throw new SsoSignInError('sso_domain_not_allowed', `email domain of ${email} is not allowed`);
    }
  }

  const identity = await findIdentity(tx, issuer, subject);
  let user: UserRow | undefined;
  if (identity) {
    user = await findUserById(tx, identity.userId);
    await touchIdentity(tx, identity.id, now, email ?? identity.email);
  } else {
    // Matching by email is only safe when the provider vouches for the address; otherwise anyone who can set
    // their email at the provider could take over the PI Studio account with that email.
    if (!email) throw new SsoSignInError('sso_email_unverified', 'the provider did not vouch for an email address');
    user = await findUserByEmail(tx, email);
    if (user) {
      // The account is already someone's at this provider (a reassigned address): never hand it to a second subject.
      if (await hasIdentityAt(tx, user.id, issuer))
        throw new SsoSignInError('sso_identity_conflict', `${email} is linked to another identity`);
    } else if (sso.jit) {
      user = await createSsoUser(ctx, tx, email, claims);
    } else {
      throw new SsoSignInError('sso_no_account', `no PI Studio account for ${email}`);
    }
    await insertIdentity(tx, { userId: user.id, issuer, subject, email, lastLoginAt: now });
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
  ctx: UseCaseCtx,
  tx: Executor,
  email: string,
  claims: Record<string, unknown>,
): Promise<UserRow> {
  // The hash of a random secret nobody ever sees: a well-formed hash (sign-in attempts take the usual time, so they
  // do not reveal SSO-only accounts) that no password matches. An administrator may set a password later.
  const passwordHash = await hashPassword(randomToken(32));
  const row = await insertUserIfNew(tx, { email, name: displayName(email, claims), passwordHash });
  if (!row) throw new SsoSignInError('sso_failed', `${email} was created at the same moment; sign in again`);
  await writeAudit(
    tx,
    { actorId: row.id, actorLabel: row.email, requestId: ctx.requestId },
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
  ctx: UseCaseCtx,
  tx: Executor,
  user: UserRow,
  email: string,
  claims: Record<string, unknown>,
  sso: EffectiveSso,
): Promise<void> {
  const desired = mapMemberships(email, claims, sso.rules, sso.groupsClaim);
  if (desired.size === 0) return;
  const subs = await subsidiariesByCode(tx, [...desired.keys()]);
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
      await deleteMembership(tx, user.id, sub.id);
    } else {
      await upsertMembership(tx, user.id, sub.id, want);
    }
  }
  if (Object.keys(after).length === 0) return;
  await writeAudit(
    tx,
    { actorId: user.id, actorLabel: user.email, requestId: ctx.requestId },
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
