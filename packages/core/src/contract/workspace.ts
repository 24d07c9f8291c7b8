// The workspace around the products: subsidiaries, the taxonomy (product types and tags), the naming convention and
// the people with their roles per subsidiary. Products themselves are in products.ts.
import { z } from 'zod';
import { PASSWORD_INPUT_MAX, PASSWORD_RULE } from '../access/password-policy.ts';
import { ROLES } from '../access/roles.ts';
import { ZNamingConvention } from '../naming/convention.ts';
import { TAXONOMY_KINDS } from '../workspace/stages.ts';
import { zPage, zTimestamp } from './common.ts';

/** A subsidiary code as ids carry it: `EMX`, `FINTX`. */
export const zSubsidiaryCode = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'use 2–10 capital letters or digits, starting with a letter');

/** A taxonomy code: product types and tags are lower_snake_case. */
export const zTermCode = () =>
  z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'use lower_snake_case');

/** `/:code` path parameters: a subsidiary's or a product's code. */
export const ZCodeParams = z.strictObject({ code: z.string().min(1).max(60) });

// Subsidiaries.

export const ZSubsidiaryBody = z.strictObject({ code: zSubsidiaryCode(), name: z.string().trim().min(1).max(120) });
export type SubsidiaryBody = z.infer<typeof ZSubsidiaryBody>;
export const ZSubsidiaryPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    /** The four-eyes rule at the gate: the author of a submitted PRD version cannot decide its review. */
    gateFourEyes: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send name, gateFourEyes or both');
export type SubsidiaryPatch = z.infer<typeof ZSubsidiaryPatch>;

export const ZSubsidiary = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  productCount: z.number().int(),
  /** The caller's role there; null for administrators without one. */
  myRole: z.enum(ROLES).nullable(),
  /** On (the default): the author of a submitted PRD version cannot decide its review (403 own_submission). */
  gateFourEyes: z.boolean(),
  createdAt: zTimestamp(),
});
export type Subsidiary = z.infer<typeof ZSubsidiary>;
export const ZSubsidiaryList = zPage(ZSubsidiary);
export type SubsidiaryList = z.infer<typeof ZSubsidiaryList>;

// Taxonomy.

export const ZTaxonomyQuery = z.strictObject({ kind: z.enum(TAXONOMY_KINDS).optional() });
export const ZTaxonomyBody = z.strictObject({
  kind: z.enum(TAXONOMY_KINDS),
  code: zTermCode(),
  label: z.string().trim().min(1).max(80),
});
export type TaxonomyBody = z.infer<typeof ZTaxonomyBody>;
export const ZTaxonomyPatch = z
  .strictObject({ label: z.string().trim().min(1).max(80), archived: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send label or archived');
export type TaxonomyPatch = z.infer<typeof ZTaxonomyPatch>;

export const ZTaxonomyTerm = z.strictObject({
  id: z.uuid(),
  kind: z.enum(TAXONOMY_KINDS),
  code: z.string(),
  label: z.string(),
  archived: z.boolean(),
});
export type TaxonomyTerm = z.infer<typeof ZTaxonomyTerm>;
export const ZTaxonomyList = zPage(ZTaxonomyTerm);
export type TaxonomyList = z.infer<typeof ZTaxonomyList>;

// Naming convention.

export const ZNamingBody = z.strictObject({ convention: ZNamingConvention });
export const ZNamingValidate = z.strictObject({ id: z.string().max(200) });

/** The convention in force; version 0 is the built-in default (never saved). */
export const ZNaming = z.strictObject({ version: z.number().int(), convention: ZNamingConvention });
export type Naming = z.infer<typeof ZNaming>;

/** What an id names, read with the convention (`FINTX-PAYOUTS-PRD v1.3`, `FINTX-PAYOUTS-FR-4`). */
export const ZParsedId = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('product'), subsidiary: z.string(), key: z.string() }),
  z.strictObject({
    kind: z.literal('document'),
    subsidiary: z.string(),
    key: z.string(),
    documentKind: z.string(),
    version: z.strictObject({ major: z.number().int(), minor: z.number().int() }).optional(),
  }),
  z.strictObject({
    kind: z.literal('artifact'),
    subsidiary: z.string(),
    key: z.string(),
    artifact: z.string(),
    number: z.number().int(),
  }),
]);

export const ZIdCheck = z.union([
  z.strictObject({ valid: z.literal(true), kind: z.enum(['product', 'document', 'artifact']), parts: ZParsedId }),
  z.strictObject({ valid: z.literal(false), error: z.string() }),
]);
export type IdCheck = z.infer<typeof ZIdCheck>;

// People.

export const ZMembership = z.strictObject({ subsidiary: zSubsidiaryCode(), role: z.enum(ROLES) });
export type Membership = z.infer<typeof ZMembership>;

export const ZUserQuery = z.strictObject({
  subsidiary: z.string().max(20).optional(),
  q: z.string().trim().max(100).optional(),
});
export const ZUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(120),
  // The policy (auth/password-policy.ts) decides, with reasons a person understands; the schema only bounds it.
  password: z.string().max(PASSWORD_INPUT_MAX).describe(PASSWORD_RULE).optional(),
  isAdmin: z.boolean().default(false),
  memberships: z.array(ZMembership).max(50).default([]),
});
export type UserBody = z.infer<typeof ZUserBody>;
/** What a client sends (defaults not yet applied). */
export type UserInput = z.input<typeof ZUserBody>;
export const ZUserPatch = z
  .strictObject({ name: z.string().trim().min(1).max(120), isAdmin: z.boolean(), disabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');
export type UserPatch = z.infer<typeof ZUserPatch>;
export const ZMembershipsBody = z.strictObject({ memberships: z.array(ZMembership).max(50) });

export const ZUser = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: zTimestamp(),
  /** By subsidiary code; only the subsidiaries the caller can see. */
  memberships: z.array(z.strictObject({ subsidiary: z.string(), role: z.enum(ROLES) })),
});
export type User = z.infer<typeof ZUser>;

/** `initialPassword`: present only when the server generated one, and only in this one answer. */
export const ZCreatedUser = ZUser.extend({ initialPassword: z.string().optional() });
export type CreatedUser = z.infer<typeof ZCreatedUser>;

export const ZUserList = zPage(ZUser);
export type UserList = z.infer<typeof ZUserList>;
