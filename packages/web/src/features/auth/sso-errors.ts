// Words for the codes the single sign-on callback sends back to /login?error=<code> (server: oidc.service.ts).
const MESSAGES: Record<string, string> = {
  sso_not_configured:
    'Single sign-on is not set up for this studio. Sign in with your password or ask an administrator.',
  sso_expired: 'The sign-in took too long or was started in another window. Please try again.',
  sso_denied: 'The sign-in was cancelled at your identity provider.',
  sso_failed: 'The sign-in could not be completed. Please try again; if it keeps failing, tell an administrator.',
  sso_email_unverified:
    'Your identity provider did not confirm your email address, so PI Studio cannot match your account.',
  sso_domain_not_allowed: 'Accounts with this email domain cannot sign in to this studio.',
  sso_no_account: 'There is no PI Studio account for your email address yet. Ask an administrator to add you.',
  sso_rate_limited: 'Too many sign-in attempts from here. Wait a minute and try again.',
  sso_account_locked: 'Your account is locked for a few minutes after too many failed sign-ins. Try again later.',
  sso_account_disabled: 'Your PI Studio account is disabled. Ask an administrator.',
  sso_identity_conflict:
    'Your email address is already linked to another account at the identity provider. Ask an administrator.',
};

/** The message for `?error=` on the login page, or null when there is none (unknown codes get a generic one). */
export function ssoErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  if (!code) return null;
  return MESSAGES[code] ?? 'Signing in did not work. Please try again.';
}
