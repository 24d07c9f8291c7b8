// The second factor (TOTP, RFC 6238) for local accounts: the sign-in steps after a right password, self-service
// enrolment with recovery codes, and the administrator's reset. A sign-in that needs a second factor never gets
// a session before that factor is proven: the password step hands out a short-lived challenge instead.
import { randomBytes } from 'node:crypto';
import { formatRecoveryCode, normaliseRecoveryCode, secondFactorRequired } from '@pi-studio/core/access/second-factor';
import type {
  Enrolment,
  RecoveryCodes,
  SignInStep as SignInStepAnswer,
  TotpSignInBody,
  TotpStatus,
} from '@pi-studio/core/contract/auth';
import { generateSecret, generateURI, verify } from 'otplib';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, Invalid, notFound, Unauthenticated } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { randomToken, sha256, verifyPassword } from '../crypto.ts';
import { findUserById, type UserRow } from '../repo.ts';
import { assertNotLocked } from '../sessions/lockout.ts';
import { checkPasswordSignIn, type LoginResult, recordFailedSignIn, startSession } from '../sessions/service.ts';
import { readSignInSettings } from '../sign-in-settings/repo.ts';
import {
  confirmFactor,
  consumeChallenge,
  countWrongCode,
  deleteFactor,
  findFactor,
  findLiveChallenge,
  insertChallenge,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  savePendingFactor,
  useRecoveryCode,
  useTimeStep,
} from './repo.ts';

const ISSUER = 'PI Studio';
const CHALLENGE_MS = 5 * 60_000;
/** Wrong codes one challenge survives; the fifth ends it (and each counts toward the account lockout). */
const MAX_WRONG_CODES = 5;
const RECOVERY_CODES = 10;
/** ±1 time step of 30 s: phones whose clocks drift a little still work; wider windows help guessing. */
const TOLERANCE_SECONDS = 30;

type SignInStep = SignInStepAnswer['next'];
export type PasswordSignInResult =
  | { kind: 'session'; session: LoginResult }
  | { kind: 'step'; next: SignInStep; challenge: string; expiresAt: Date };

const challengeGone = () =>
  new Unauthenticated(
    'this sign-in step has expired or was used; sign in with your password again',
    'challenge_expired',
  );
const wrongCode = (field: 'code' | 'recoveryCode') =>
  new Unauthenticated('the code is not right', 'wrong_code', [{ name: field, reason: 'not accepted' }]);
const wrongPassword = () =>
  new Invalid(
    [{ name: 'currentPassword', reason: 'does not match' }],
    'validation_failed',
    'current password is wrong',
  );

/** The matching time step, or null. Steps at or before `afterStep` are refused: a code is accepted once. */
async function matchCode(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  try {
    const r = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      afterTimeStep: afterStep ?? undefined,
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null; // a malformed stored secret or token: not a match, never a 500
  }
}

function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed from paper
  const shown: string[] = [];
  for (let i = 0; i < RECOVERY_CODES; i++) {
    const bytes = randomBytes(10);
    shown.push(formatRecoveryCode([...bytes].map((b) => alphabet[b % alphabet.length]).join('')));
  }
  return { shown, hashes: shown.map((c) => sha256(normaliseRecoveryCode(c))) };
}

const enrolmentFor = (email: string, secret: string): Enrolment => ({
  secret,
  otpauthUri: generateURI({ issuer: ISSUER, label: email, secret }),
});

// ——— Sign-in steps ———

/** Password first; then a session, or the second-factor step this person owes. */
export async function passwordSignIn(ctx: UseCaseCtx, email: string, password: string): Promise<PasswordSignInResult> {
  const { deps } = ctx;
  const user = await checkPasswordSignIn(ctx, email, password);
  const factor = await findFactor(deps.db, user.id);
  let next: SignInStep | null = factor?.confirmedAt ? 'totp' : null;
  if (!next) {
    const { requireTotp } = await readSignInSettings(deps.db);
    if (secondFactorRequired(requireTotp, user)) next = 'totp_enrolment';
  }
  if (!next) return { kind: 'session', session: await startSession(ctx, user) };
  const challenge = randomToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MS);
  await insertChallenge(deps.db, { id: sha256(challenge), userId: user.id, data: { step: next }, expiresAt }, now);
  return { kind: 'step', next, challenge, expiresAt };
}

type LiveChallenge = { id: string; user: UserRow; attempts: number };

async function openChallenge(ctx: UseCaseCtx, handle: string, step: SignInStep): Promise<LiveChallenge> {
  const { deps } = ctx;
  const now = deps.now();
  const row = await findLiveChallenge(deps.db, sha256(handle), now);
  if (!row?.userId || row.data.step !== step) throw challengeGone();
  const user = await findUserById(deps.db, row.userId);
  if (!user || user.disabled) throw challengeGone();
  assertNotLocked(user, now);
  return { id: row.id, user, attempts: row.attempts };
}

/** One wrong code: the challenge dies at the fifth, and sign-in codes count toward the account lockout. */
async function failCode(
  ctx: UseCaseCtx,
  ch: LiveChallenge,
  field: 'code' | 'recoveryCode',
  lockout: boolean,
): Promise<never> {
  const { deps } = ctx;
  const attempts = await countWrongCode(deps.db, ch.id);
  if (attempts >= MAX_WRONG_CODES) await deps.db.transaction((tx) => consumeChallenge(tx, ch.id));
  if (lockout) await recordFailedSignIn(ctx, ch.user, { action: 'auth.totp_failed' });
  if (attempts === 0 || attempts >= MAX_WRONG_CODES) throw challengeGone();
  throw wrongCode(field);
}

/** The code (or a recovery code) after a right password: the session starts in the transaction that uses it. */
export async function completeTotpSignIn(ctx: UseCaseCtx, body: TotpSignInBody): Promise<LoginResult> {
  const { deps } = ctx;
  const ch = await openChallenge(ctx, body.challenge, 'totp');
  const factor = await findFactor(deps.db, ch.user.id);
  if (!factor?.confirmedAt) throw challengeGone(); // reset by an administrator meanwhile
  const now = deps.now();
  const field = body.code !== undefined ? 'code' : 'recoveryCode';
  const step = body.code !== undefined ? await matchCode(factor.secret, body.code, now, factor.lastUsedStep) : null;
  if (body.code !== undefined && step === null) return failCode(ctx, ch, field, true);
  const who = { actorId: ch.user.id, actorLabel: ch.user.email, requestId: ctx.requestId };
  const session = await deps.db.transaction(async (tx) => {
    if (step !== null) {
      if (!(await useTimeStep(tx, ch.user.id, step))) return null; // the same code, used by a racing request
    } else {
      const hash = sha256(normaliseRecoveryCode(body.recoveryCode ?? ''));
      if (!(await useRecoveryCode(tx, ch.user.id, hash, now))) return null;
      await writeAudit(tx, who, {
        action: 'auth.recovery_code_used',
        targetType: 'user',
        targetId: ch.user.id,
        targetLabel: ch.user.email,
        after: { left: await recoveryCodesLeft(tx, ch.user.id) },
      });
    }
    if (!(await consumeChallenge(tx, ch.id))) throw challengeGone();
    return startSession(ctx, ch.user, { tx, method: step !== null ? 'totp' : 'recovery_code' });
  });
  if (!session) return failCode(ctx, ch, field, true);
  return session;
}

/** Policy-forced enrolment during sign-in: a fresh secret for the person holding the challenge. */
export async function startSignInEnrolment(ctx: UseCaseCtx, handle: string): Promise<Enrolment> {
  const ch = await openChallenge(ctx, handle, 'totp_enrolment');
  const factor = await findFactor(ctx.deps.db, ch.user.id);
  if (factor?.confirmedAt) throw challengeGone(); // enrolled elsewhere meanwhile: sign in with a code
  const secret = generateSecret();
  await savePendingFactor(ctx.deps.db, ch.user.id, secret);
  return enrolmentFor(ch.user.email, secret);
}

/** The first code confirms the authenticator; the session and the recovery codes come in the same answer. */
export async function confirmSignInEnrolment(
  ctx: UseCaseCtx,
  handle: string,
  code: string,
): Promise<{ session: LoginResult; recoveryCodes: string[] }> {
  const { deps } = ctx;
  const ch = await openChallenge(ctx, handle, 'totp_enrolment');
  const factor = await findFactor(deps.db, ch.user.id);
  if (!factor || factor.confirmedAt) throw challengeGone();
  const step = await matchCode(factor.secret, code, deps.now(), null);
  // A mistyped first code is not an attack on the account (the secret was just shown): the challenge counts it,
  // the account lockout does not.
  if (step === null) return failCode(ctx, ch, 'code', false);
  const codes = newRecoveryCodes();
  const who = { actorId: ch.user.id, actorLabel: ch.user.email, requestId: ctx.requestId };
  const session = await deps.db.transaction(async (tx) => {
    if (!(await confirmFactor(tx, ch.user.id, step, deps.now()))) throw challengeGone();
    await replaceRecoveryCodes(tx, ch.user.id, codes.hashes);
    await writeAudit(tx, who, {
      action: 'auth.totp_enabled',
      targetType: 'user',
      targetId: ch.user.id,
      targetLabel: ch.user.email,
      after: { during: 'sign-in' },
    });
    if (!(await consumeChallenge(tx, ch.id))) throw challengeGone();
    return startSession(ctx, ch.user, { tx, method: 'totp' });
  });
  return { session, recoveryCodes: codes.shown };
}

// ——— Self-service (signed in) ———

async function requireSessionUser(ctx: UseCaseCtx): Promise<UserRow> {
  const user = await findUserById(ctx.deps.db, ctx.requireActor().userId);
  if (!user) throw notFound('user');
  return user;
}

async function checkCurrentPassword(ctx: UseCaseCtx, currentPassword: string): Promise<UserRow> {
  const user = await requireSessionUser(ctx);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) throw wrongPassword();
  return user;
}

export async function totpStatus(ctx: UseCaseCtx): Promise<TotpStatus> {
  const { deps } = ctx;
  const actor = ctx.requireActor();
  const factor = await findFactor(deps.db, actor.userId);
  const enabled = Boolean(factor?.confirmedAt);
  const { requireTotp } = await readSignInSettings(deps.db);
  return {
    enabled,
    recoveryCodesLeft: enabled ? await recoveryCodesLeft(deps.db, actor.userId) : 0,
    required: secondFactorRequired(requireTotp, actor),
  };
}

/** A new secret to scan; replaces an unconfirmed one. Active until the first code confirms it. */
export async function startEnrolment(ctx: UseCaseCtx): Promise<Enrolment> {
  const actor = ctx.requireActor();
  const factor = await findFactor(ctx.deps.db, actor.userId);
  if (factor?.confirmedAt) {
    throw conflict('totp_already_enabled', 'two-step sign-in is already on; turn it off first to change the app');
  }
  const secret = generateSecret();
  await savePendingFactor(ctx.deps.db, actor.userId, secret);
  return enrolmentFor(actor.email, secret);
}

export async function confirmEnrolment(ctx: UseCaseCtx, code: string): Promise<RecoveryCodes> {
  const { deps } = ctx;
  const actor = ctx.requireActor();
  const factor = await findFactor(deps.db, actor.userId);
  if (!factor) throw conflict('totp_not_started', 'start setting up two-step sign-in first');
  if (factor.confirmedAt) throw conflict('totp_already_enabled', 'two-step sign-in is already on');
  const step = await matchCode(factor.secret, code, deps.now(), null);
  if (step === null) {
    throw new Invalid(
      [{ name: 'code', reason: 'does not match' }],
      'validation_failed',
      'the code is not right; check the time on your phone',
    );
  }
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    if (!(await confirmFactor(tx, actor.userId, step, deps.now()))) {
      throw conflict('totp_already_enabled', 'two-step sign-in is already on');
    }
    await replaceRecoveryCodes(tx, actor.userId, codes.hashes);
    await writeAudit(tx, ctx.who(), {
      action: 'auth.totp_enabled',
      targetType: 'user',
      targetId: actor.userId,
      targetLabel: actor.email,
    });
  });
  return { recoveryCodes: codes.shown };
}

export async function disableTotp(ctx: UseCaseCtx, currentPassword: string): Promise<void> {
  const { deps } = ctx;
  const user = await checkCurrentPassword(ctx, currentPassword);
  const { requireTotp } = await readSignInSettings(deps.db);
  if (secondFactorRequired(requireTotp, user)) {
    throw conflict('totp_required', 'your studio requires two-step sign-in for your account; it cannot be turned off');
  }
  await deps.db.transaction(async (tx) => {
    if (!(await deleteFactor(tx, user.id))) throw conflict('totp_not_enabled', 'two-step sign-in is not on');
    await writeAudit(tx, ctx.who(), {
      action: 'auth.totp_disabled',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
    });
  });
}

export async function regenerateRecoveryCodes(ctx: UseCaseCtx, currentPassword: string): Promise<RecoveryCodes> {
  const { deps } = ctx;
  const user = await checkCurrentPassword(ctx, currentPassword);
  const factor = await findFactor(deps.db, user.id);
  if (!factor?.confirmedAt) throw conflict('totp_not_enabled', 'turn on two-step sign-in first');
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, user.id, codes.hashes);
    await writeAudit(tx, ctx.who(), {
      action: 'auth.recovery_codes_regenerated',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
    });
  });
  return { recoveryCodes: codes.shown };
}

// ——— Administration ———

/** Lost phone: removes the user's authenticator and recovery codes; under a policy they enrol again at sign-in. */
export async function resetUserTotp(ctx: UseCaseCtx, userId: string): Promise<void> {
  const { deps } = ctx;
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('user');
  await deps.db.transaction(async (tx) => {
    const removed = await deleteFactor(tx, user.id);
    await writeAudit(tx, ctx.who(), {
      action: 'auth.totp_reset',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
      after: { removed },
    });
  });
}
