// Product keys become part of every id people read (FINTX-PAYOUTS-PRD v1.3), so the form suggests and checks them
// with the same naming-convention code the server uses; the server still has the last word.
import {
  DEFAULT_CONVENTION,
  isValidProductKey,
  type NamingConvention,
  suggestKey as suggestFromName,
} from '@pi-studio/core/naming/convention';

/** "Payouts & refunds v2" → "PAYOUTSREFUNDSV2" (empty for an empty name, so the field stays blank). */
export function suggestKey(name: string): string {
  return name.trim() ? suggestFromName(name) : '';
}

/** A reason the key does not fit the convention, or null. */
export function keyProblem(key: string, convention: NamingConvention = DEFAULT_CONVENTION): string | null {
  if (!key) return 'Enter a key';
  if (isValidProductKey(convention, key)) return null;
  return `Does not fit the naming convention (${convention.productKeyPattern})`;
}
