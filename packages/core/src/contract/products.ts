// Products: the board's list, one product with its people and documents, creating and changing one.
import { z } from 'zod';
import { VERDICTS } from '../gate/types.ts';
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

/** Why PATCH refuses `stage`: the answer tells the client how a stage does move. */
export const STAGE_MOVES_RULE =
  'the stage is not changed here: submitting the PRD to the gate moves intake → gate, the verdict moves gate → ' +
  'build (pass or conditional) or back to intake (fail), and later stages need their own evidence; until then a ' +
  'studio administrator forces a move with POST /products/:code/stage {stage, reason}';

export const ZProductPatch = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    productType: z.string().trim().min(1).max(60),
    tags: z.array(zTermCode()).max(20),
    /** Refused (422 naming `stage`): stages follow the gate, or an administrator's forced move. */
    stage: z.never({ error: STAGE_MOVES_RULE }).describe(`Not accepted: ${STAGE_MOVES_RULE}`),
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

/** A studio administrator's forced move (`POST /products/:code/stage`): any stage, with the reason why. */
export const ZStageBody = z.strictObject({
  stage: z.enum(STAGES),
  reason: z.string().trim().min(1).max(500),
});
export type StageBody = z.infer<typeof ZStageBody>;

/**
 * Where the product's PRDs stand at the gate; null until a PRD is submitted. A cached answer carries timestamps, not
 * ages, so it never goes stale by the clock: clients count the days waiting from `waitingSince`.
 */
export const ZProductGate = z.strictObject({
  /** The newest review of the product's PRDs (superseded ones aside): what a link to "the review" opens. */
  reviewId: z.uuid(),
  /** That review's score: the final one once decided, else the engine's. */
  score: z.number().int(),
  /** When that review was submitted, while it still waits for its verdict; null once decided. */
  waitingSince: zTimestamp().nullable(),
  /** The last verdict recorded on the product's PRDs (it may be older than a review now waiting), or null. */
  verdict: z.enum(VERDICTS).nullable(),
  /**
   * What the engine said about that decided review. A verdict above it (a pass on a low score) was ProductOps'
   * decision, with a note: the board says so, so a green badge next to a red number is explained.
   */
  engineVerdict: z.enum(VERDICTS).nullable(),
  decidedAt: zTimestamp().nullable(),
  /** Conditions not done yet on pass or conditional verdicts: what the build still owes the gate. */
  openConditions: z.number().int(),
});
export type ProductGate = z.infer<typeof ZProductGate>;

/** A product on the board: the product and its gate status. */
export const ZProductListItem = ZProduct.extend({ gate: ZProductGate.nullable() });
export type ProductListItem = z.infer<typeof ZProductListItem>;

export const ZProductPage = zPage(ZProductListItem);
export type ProductPage = z.infer<typeof ZProductPage>;

/** The last forced move, while the product is still in the stage it was forced to (a gate move clears it). */
export const ZStageForced = z.strictObject({
  from: z.enum(STAGES),
  reason: z.string(),
  by: ZPerson.nullable(),
  at: zTimestamp(),
});
export type StageForced = z.infer<typeof ZStageForced>;

/** A document as the product page lists it: the documents list's summary without the document code. */
export const ZProductDocument = ZDocumentSummary.omit({ code: true });
export type ProductDocument = z.infer<typeof ZProductDocument>;

export const ZProductDetail = ZProductListItem.extend({
  stageForced: ZStageForced.nullable(),
  documents: z.array(ZProductDocument),
});
export type ProductDetail = z.infer<typeof ZProductDetail>;
