// Who must have a second factor, and how recovery codes are compared. Pure rules shared by the server (sign-in,
// self-service, admin) and the web (what the account page offers), so both decide the same way.

export const REQUIRE_TOTP = ['off', 'admins', 'everyone'] as const;
export type RequireTotp = (typeof REQUIRE_TOTP)[number];

/** Whether the studio's policy obliges this person to sign in with a second factor. */
export function secondFactorRequired(policy: RequireTotp, person: { isAdmin: boolean }): boolean {
  if (policy === 'everyone') return true;
  if (policy === 'admins') return person.isAdmin;
  return false;
}

/**
 * Recovery codes are shown as `abcde-fghij`; people type them with spaces, dashes or capitals. Only letters and
 * digits count, lower-cased, so a copied code with a stray space still matches its stored hash.
 */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** How a generated code is shown: two groups of five, easy to read aloud and to copy. */
export function formatRecoveryCode(raw: string): string {
  const code = normaliseRecoveryCode(raw);
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
