import { PASSWORD_INPUT_MAX, PASSWORD_RULE } from '@pi-studio/core/access/password-policy';
import { ROLES } from '@pi-studio/core/access/roles';
import { zKeyCursor, zLimit } from '@pi-studio/core/contract/common';
import { ZNamingConvention } from '@pi-studio/core/naming/convention';
import { STAGES, TAXONOMY_KINDS } from '@pi-studio/core/workspace/stages';
import { z } from 'zod';

const code = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'use 2–10 capital letters or digits, starting with a letter');
const personId = z.uuid().nullable();
const tag = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'use lower_snake_case');

export const ZSubsidiaryBody = z.strictObject({ code, name: z.string().trim().min(1).max(120) });
export const ZSubsidiaryPatch = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const ZCodeParams = z.strictObject({ code: z.string().min(1).max(60) });

export const ZProductQuery = z.strictObject({
  subsidiary: z.string().max(20).optional(),
  stage: z.enum(STAGES).optional(),
  type: z.string().max(60).optional(),
  owner: z.uuid().optional(),
  tag: z.string().max(60).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: zKeyCursor().optional(),
  limit: zLimit(200, 50),
});

export const ZProductBody = z.strictObject({
  subsidiary: code,
  name: z.string().trim().min(2).max(120),
  key: z.string().trim().min(2).max(20).optional(),
  productType: z.string().trim().min(1).max(60),
  tags: z.array(tag).max(20).default([]),
  summary: z.string().trim().max(2000).default(''),
  poId: personId.optional(),
  builderId: personId.optional(),
  itOwnerId: personId.optional(),
});

export const ZProductPatch = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    productType: z.string().trim().min(1).max(60),
    tags: z.array(tag).max(20),
    stage: z.enum(STAGES),
    summary: z.string().trim().max(2000),
    poId: personId,
    builderId: personId,
    itOwnerId: personId,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');

export const ZTaxonomyQuery = z.strictObject({ kind: z.enum(TAXONOMY_KINDS).optional() });
export const ZTaxonomyBody = z.strictObject({
  kind: z.enum(TAXONOMY_KINDS),
  code: tag,
  label: z.string().trim().min(1).max(80),
});
export const ZTaxonomyPatch = z
  .strictObject({ label: z.string().trim().min(1).max(80), archived: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send label or archived');
export const ZIdParams = z.strictObject({ id: z.uuid() });

export const ZNamingBody = z.strictObject({ convention: ZNamingConvention });
export const ZNamingValidate = z.strictObject({ id: z.string().max(200) });

const membership = z.strictObject({ subsidiary: code, role: z.enum(ROLES) });
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
  memberships: z.array(membership).max(50).default([]),
});
export const ZUserPatch = z
  .strictObject({ name: z.string().trim().min(1).max(120), isAdmin: z.boolean(), disabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');
export const ZMembershipsBody = z.strictObject({ memberships: z.array(membership).max(50) });

export type ProductBody = z.infer<typeof ZProductBody>;
export type ProductPatch = z.infer<typeof ZProductPatch>;
export type ProductQuery = z.infer<typeof ZProductQuery>;
export type UserBody = z.infer<typeof ZUserBody>;
