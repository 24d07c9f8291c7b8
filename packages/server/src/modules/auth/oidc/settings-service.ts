// Administering single sign-on: read and change the provider, the mapping rules and the password sign-in switch,
// test a provider before relying on it, and tell the login page what to offer.
import type { LoginProviders, SsoBody, SsoSettings, SsoTestResult } from '@pi-studio/core/contract/sign-in';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import type { Deps } from '../../../use-case/deps.ts';
import { type InvalidParam, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { readSignInSettings, writeSignInSettings } from '../sign-in-settings/repo.ts';
import { discover, reportOf, SSO_SCOPES } from './client.ts';
import { readStoredSso, subsidiariesByCode, writeStoredSso } from './repo.ts';
import type { StoredSso } from './schemas.ts';
import { effectiveSso, readEffectiveSso } from './settings.ts';

async function view(deps: Deps, stored: StoredSso, redirectUri: string): Promise<SsoSettings> {
  const sso = effectiveSso(deps, stored);
  const provider = sso.source === 'environment' ? sso.provider : null;
  return {
    source: sso.source,
    enabled: sso.enabled,
    issuer: provider?.issuer ?? stored.issuer,
    clientId: provider?.clientId ?? stored.clientId,
    clientSecretSet: provider ? Boolean(provider.clientSecret) : stored.clientSecret !== '',
    label: provider?.label ?? stored.label,
    jit: stored.jit,
    allowedDomains: stored.allowedDomains,
    groupsClaim: stored.groupsClaim,
    rules: stored.rules,
    localPasswordSignIn: (await readSignInSettings(deps.db)).localPasswordSignIn,
    redirectUri,
    scopes: SSO_SCOPES,
  };
}

export async function getSsoSettings(ctx: UseCaseCtx, redirectUri: string): Promise<SsoSettings> {
  return view(ctx.deps, await readStoredSso(ctx.deps.db), redirectUri);
}

// The audit trail shows whether a secret was set or changed, never the secret.
const auditable = (s: StoredSso, localPasswordSignIn: boolean) => {
  const { clientSecret, ...rest } = s;
  return { ...rest, clientSecretSet: clientSecret !== '', localPasswordSignIn };
};

export async function updateSsoSettings(ctx: UseCaseCtx, body: SsoBody, redirectUri: string): Promise<SsoSettings> {
  const { deps } = ctx;
  const who = ctx.who();
  const fromEnv = Boolean(deps.config.oidc);
  const problems: InvalidParam[] = [];
  if (body.enabled && !fromEnv) {
    if (!body.issuer) problems.push({ name: 'issuer', reason: 'required to turn single sign-on on' });
    if (!body.clientId) problems.push({ name: 'clientId', reason: 'required to turn single sign-on on' });
  }
  const codes = [...new Set(body.rules.map((r) => r.subsidiary))];
  const known = codes.length ? await subsidiariesByCode(deps.db, codes) : [];
  body.rules.forEach((r, i) => {
    if (!known.some((k) => k.code === r.subsidiary)) {
      problems.push({ name: `rules.${i}.subsidiary`, reason: `no subsidiary with code ${r.subsidiary}` });
    }
  });

  return deps.db
    .transaction(async (tx) => {
      const before = await readStoredSso(tx);
      const signIn = await readSignInSettings(tx);
      // While the environment pins the provider, its fields here are ignored and the saved ones kept untouched,
      // so removing the variables later brings back exactly what the UI had.
      const next: StoredSso = {
        enabled: fromEnv ? before.enabled : body.enabled,
        issuer: fromEnv ? before.issuer : body.issuer,
        clientId: fromEnv ? before.clientId : body.clientId,
        clientSecret: fromEnv ? before.clientSecret : (body.clientSecret ?? before.clientSecret),
        label: fromEnv ? before.label : body.label,
        jit: body.jit,
        allowedDomains: [...new Set(body.allowedDomains)],
        groupsClaim: body.groupsClaim,
        rules: body.rules,
      };
      // Password sign-in off with no working SSO would leave only administrators able to sign in.
      if (!body.localPasswordSignIn && !effectiveSso(deps, next).enabled) {
        problems.push({
          name: 'localPasswordSignIn',
          reason: 'turn single sign-on on before turning password sign-in off',
        });
      }
      if (problems.length) throw validationFailed(problems);
      await writeStoredSso(tx, next, who.actorId);
      if (signIn.localPasswordSignIn !== body.localPasswordSignIn) {
        await writeSignInSettings(tx, { ...signIn, localPasswordSignIn: body.localPasswordSignIn }, who.actorId);
      }
      await writeAudit(tx, who, {
        action: 'settings.sso_changed',
        targetType: 'studio_settings',
        targetId: 'oidc',
        targetLabel: 'Single sign-on',
        before: auditable(before, signIn.localPasswordSignIn),
        after: auditable(next, body.localPasswordSignIn),
      });
      return next;
    })
    .then(async (next) => view(deps, next, redirectUri));
}

/** Discovery only: proves the issuer answers and shows what it supports, without signing anyone in. */
export async function testSsoConnection(ctx: UseCaseCtx, issuer?: string): Promise<SsoTestResult> {
  const sso = await readEffectiveSso(ctx.deps);
  const target = issuer ?? sso.provider?.issuer;
  if (!target) return { ok: false, error: 'no issuer given and none configured' };
  try {
    const config = await discover({
      issuer: target,
      clientId: sso.provider?.clientId || 'pi-studio-connection-test',
      clientSecret: undefined,
      label: '',
    });
    return { ok: true, provider: reportOf(config) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export async function loginProviders(ctx: UseCaseCtx): Promise<LoginProviders> {
  const sso = await readEffectiveSso(ctx.deps);
  const { localPasswordSignIn } = await readSignInSettings(ctx.deps.db);
  return {
    localPasswordSignIn,
    sso: sso.provider ? { enabled: sso.enabled, label: sso.provider.label } : null,
  };
}
