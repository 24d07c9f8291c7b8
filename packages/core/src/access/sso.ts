// Single sign-on rules that need no I/O: which identity-provider URLs are acceptable, which return paths are safe,
// whether a provider's claims carry a verified email in an allowed domain, and which memberships the claims map to.
// Shared by the server (sign-in, settings validation) and the web (settings form hints).
import { ROLES, type Role } from './roles.ts';

/**
 * An issuer must be https; plain http only on the loopback host (tests, a local Keycloak). Anything else would
 * send the client secret and the authorization code in clear text.
 */
export function issuerUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  if (url.protocol === 'https:') return null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && loopback) return null;
  return 'must use https (http only for localhost)';
}

/**
 * A path inside PI Studio to go back to after signing in, or null. Only same-site relative paths: `//evil.example`
 * and `/\evil.example` are protocol-relative URLs to browsers, so they would be open redirects.
 */
export function safeReturnTo(value: string): string | null {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.length > 2000) return null;
  const url = new URL(value, 'http://pi-studio.invalid');
  if (url.origin !== 'http://pi-studio.invalid') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `email domain D` or `group G` → `role R` in subsidiary `S` (by code). */
export type SsoRule = { match: 'group' | 'domain'; value: string; subsidiary: string; role: Role };

export type SsoClaims = Record<string, unknown>;

/** Lower-cased domain of an email, or null when it is not an email. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/**
 * The email a provider vouches for, or null. `email_verified: true` is the standard signal; Microsoft Entra ID
 * does not send it and instead offers the optional `xms_edov` claim (the email's domain is verified by the tenant).
 */
export function verifiedEmail(claims: SsoClaims): string | null {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || !emailDomain(email)) return null;
  if (claims.email_verified === true || claims.email_verified === 'true') return email;
  if (claims.email_verified === undefined && (claims.xms_edov === true || claims.xms_edov === 'true')) return email;
  return null;
}

/** Empty list = every domain allowed. */
export function domainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = emailDomain(email);
  return domain !== null && allowedDomains.some((d) => d.toLowerCase() === domain);
}

/** Groups as the provider sends them: an array of strings, or one string (some providers do that for one group). */
export function groupsOf(claims: SsoClaims, claimName: string): string[] {
  const raw = claims[claimName];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.filter((g): g is string => typeof g === 'string');
  return [];
}

// When several rules give one subsidiary different roles, the one that can do the most wins (ROLES is ordered so).
const rank = (role: Role) => ROLES.indexOf(role);

/**
 * The memberships the claims earn, for every subsidiary that any rule names (the subsidiaries SSO manages):
 * `role` when a rule matches, `null` when none does (the membership must go). Subsidiaries no rule names are
 * absent: their memberships are managed by hand and SSO leaves them alone.
 */
export function mapMemberships(
  email: string,
  claims: SsoClaims,
  rules: readonly SsoRule[],
  groupsClaim: string,
): Map<string, Role | null> {
  const domain = emailDomain(email);
  const groups = new Set(groupsOf(claims, groupsClaim));
  const result = new Map<string, Role | null>();
  for (const rule of rules) {
    if (!result.has(rule.subsidiary)) result.set(rule.subsidiary, null);
    const hit = rule.match === 'group' ? groups.has(rule.value) : domain === rule.value.toLowerCase();
    if (!hit) continue;
    const current = result.get(rule.subsidiary) ?? null;
    if (current === null || rank(rule.role) < rank(current)) result.set(rule.subsidiary, rule.role);
  }
  return result;
}
