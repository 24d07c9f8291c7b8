// The expected-access model of the authorization matrix: who calls, in which subsidiary, and what must happen.
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES, type Role } from '@pi-studio/core/access/roles';
import type { Access } from '../../src/http/route.ts';

/**
 * What a route allows, written down independently of the route table so a changed access rule shows up:
 * - `public`: anyone, signed in or not.
 * - `signed-in`: any signed-in user; lists filter by visibility themselves.
 * - `admin`: studio administrators only (users.is_admin), whatever roles they hold.
 * - `{ permission }`: decided on the stored record's subsidiary: no role there → 404, role without it → 403.
 * - `{ anyRole }`: studio-wide data managed by holders of one of these roles in any subsidiary, and administrators.
 * - `{ permission, onlyRoles }`: as `{ permission }`, and then only these roles in the record's subsidiary (the
 *   service's own check, 403 for the others), and administrators.
 */
export type Policy =
  | 'public'
  | 'signed-in'
  | 'admin'
  | { permission: Permission; onlyRoles?: readonly Role[] }
  | { anyRole: readonly Role[] };

/** Roles whose permission table includes `permission` (for studio-wide routes gated by a permission). */
export const rolesWith = (permission: Permission): Role[] =>
  ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));

export type Persona = { name: string; isAdmin: boolean; role?: Role; anonymous?: true };

export const PERSONAS: Persona[] = [
  { name: 'anonymous', isAdmin: false, anonymous: true },
  { name: 'global-admin', isAdmin: true },
  ...ROLES.map((role) => ({ name: role, isAdmin: false, role })),
];

/** Personas hold their role in OWN; FOREIGN is a subsidiary none of them belongs to. */
export const OWN = 'EMX';
export const FOREIGN = 'NXN';
export type Scope = 'own' | 'foreign';
export const SCOPES: Scope[] = ['own', 'foreign'];

export type Outcome = 'allowed' | 401 | 403 | 404;

export function expectedOutcome(policy: Policy, persona: Persona, scope: Scope): Outcome {
  if (policy === 'public') return 'allowed';
  if (persona.anonymous) return 401;
  if (policy === 'signed-in' || persona.isAdmin) return 'allowed';
  if (policy === 'admin') return 403;
  const role = persona.role;
  if ('anyRole' in policy) return role && policy.anyRole.includes(role) ? 'allowed' : 403;
  if (scope === 'foreign' || !role) return 404;
  if (!ROLE_PERMISSIONS[role].includes(policy.permission)) return 403;
  return !policy.onlyRoles || policy.onlyRoles.includes(role) ? 'allowed' : 403;
}

/** The route table's `access` this policy corresponds to; a mismatch means one of the two changed alone. */
export function accessOf(policy: Policy): Access {
  if (policy === 'public' || policy === 'admin') return policy;
  if (policy === 'signed-in' || 'anyRole' in policy) return 'authenticated';
  return { permission: policy.permission };
}

export function describePolicy(policy: Policy): string {
  if (typeof policy === 'string') return policy;
  if ('anyRole' in policy) return `any of ${policy.anyRole.join('/')}`;
  if (!PERMISSIONS.includes(policy.permission)) throw new Error(`unknown permission ${policy.permission}`);
  return policy.onlyRoles ? `${policy.permission}, only ${policy.onlyRoles.join('/')}` : policy.permission;
}
