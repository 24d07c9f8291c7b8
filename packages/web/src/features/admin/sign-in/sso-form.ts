// The SSO settings form's draft: what the admin edits locally until Save, and the body it sends.
import type { SsoSettings, SsoSettingsBody } from './sso-api.ts';

export type SsoDraft = Omit<SsoSettingsBody, 'clientSecret'> & { clientSecret: string };

export const draftOf = (s: SsoSettings): SsoDraft => ({
  enabled: s.enabled,
  issuer: s.issuer,
  clientId: s.clientId,
  clientSecret: '',
  label: s.label,
  jit: s.jit,
  allowedDomains: s.allowedDomains,
  groupsClaim: s.groupsClaim,
  rules: s.rules,
  localPasswordSignIn: s.localPasswordSignIn,
});

/** An empty secret field means "keep the saved one": the saved secret is never sent to the browser. */
export function bodyOf(d: SsoDraft): SsoSettingsBody {
  const { clientSecret, ...rest } = d;
  return clientSecret ? { ...rest, clientSecret } : rest;
}
