// Products: the board's list, one product with its people and documents, creating and changing one.
import { z } from 'zod';
import { STAGES } from '../workspace/stages.ts';
import { ZPerson, zKeyCursor, zLimit, zPage, zTimestamp } from './common.ts';
import { ZDocumentSummary } from './documents.ts';
import { zSubsidiaryCode, zTermCode } from './workspace.ts';

const personId = z.uuid().nullable();

export const ZProductQuery = z.strictObject({
  subsidiary: z.string().max(20).optional(),
  stage: z.enum(STAGES).optional(),
  type: z.string().max(60).optional(),
  /** A person's id: products where they are PO, builder or IT owner. */
  owner: z.uuid().optional(),
  tag: z.string().max(60).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: zKeyCursor().optional(),
  limit: zLimit(200, 50),
});
export type ProductQuery = z.infer<typeof ZProductQuery>;

export const ZProductBody = z.strictObject({
  subsidiary: zSubsidiaryCode(),
  name: z.string().trim().min(2).max(120),
  /** Derived from the name when absent; the code is `SUB-KEY`. */
  key: z.string().trim().min(2).max(20).optional(),
  productType: z.string().trim().min(1).max(60),
  tags: z.array(zTermCode()).max(20).default([]),
  summary: z.string().trim().max(2000).default(''),
  poId: personId.optional(),
  builderId: personId.optional(),
  itOwnerId: personId.optional(),
});
export type ProductBody = z.infer<typeof ZProductBody>;
/** What a client sends (defaults not yet applied). */
export type ProductInput = z.input<typeof ZProductBody>;

export const ZProductPatch = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    productType: z.string().trim().min(1).max(60),
    tags: z.array(zTermCode()).max(20),
    stage: z.enum(STAGES),
    summary: z.string().trim().max(2000),
    poId: personId,
    builderId: personId,
    itOwnerId: personId,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');
export type ProductPatch = z.infer<typeof ZProductPatch>;

export const ZProduct = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  subsidiary: z.strictObject({ id: z.uuid(), code: z.string(), name: z.string() }),
  productType: z.string(),
  tags: z.array(z.string()),
  stage: z.enum(STAGES),
  summary: z.string(),
  po: ZPerson.nullable(),
  builder: ZPerson.nullable(),
  itOwner: ZPerson.nullable(),
  /** The concurrency token: send it back as `If-Match: "<revision>"` (also the `ETag` header). */
  revision: z.number().int(),
  createdAt: zTimestamp(),
  updatedAt: zTimestamp(),
});
export type Product = z.infer<typeof ZProduct>;

export const ZProductPage = zPage(ZProduct);
export type ProductPage = z.infer<typeof ZProductPage>;

/** A document as the product page lists it: the documents list's summary without the document code. */
export const ZProductDocument = ZDocumentSummary.omit({ code: true });
export type ProductDocument = z.infer<typeof ZProductDocument>;

export const ZProductDetail = ZProduct.extend({ documents: z.array(ZProductDocument) });
export type ProductDetail = z.infer<typeof ZProductDetail>;
