// Shapes of the admin API (docs/api-contract.md, Workspace and Documents sections).
import type { Role } from '@pi-studio/core/access/roles';

export type Membership = { subsidiary: string; role: Role };

export type User = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  memberships: Membership[];
};

/** `initialPassword` is present only when the server generated it, and only in this one response. */
export type CreatedUser = User & { initialPassword?: string };

export type CreateUserBody = {
  email: string;
  name: string;
  password?: string;
  isAdmin?: boolean;
  memberships?: Membership[];
};

export type UpdateUserBody = { name?: string; isAdmin?: boolean; disabled?: boolean };

export type Subsidiary = { id: string; code: string; name: string; productCount: number; myRole: Role | null };

export type TaxonomyKind = 'product_type' | 'tag';
export type TaxonomyTerm = { id: string; kind: TaxonomyKind; code: string; label: string; archived: boolean };

export type NamingConvention = { version: number | string; convention: Record<string, unknown> };
export type IdValidation = {
  valid: boolean;
  kind: string | null;
  parts: Record<string, unknown> | null;
  error?: string;
};

type PersonRef = { id: string; name: string; email?: string } | null;

export type TemplateSummary = {
  id: string;
  kind: string;
  name: string;
  subsidiary: string | { code: string } | null;
  currentVersion: { version: string; createdAt: string } | null;
};

export type TemplateVersion = {
  id?: string;
  version: string;
  createdAt: string;
  author?: PersonRef;
  note?: string | null;
};

export type TemplateDetail = TemplateSummary & { versions: TemplateVersion[]; body: string };

export type Bump = 'minor' | 'major';

export type Me = {
  user: { id: string; email: string; name: string; isAdmin: boolean };
  memberships: { subsidiaryId: string; subsidiary: string; role: Role }[];
};

export type Items<T> = { items: T[]; nextCursor?: string | null };
