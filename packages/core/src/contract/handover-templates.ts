// Readiness checklist templates (issue #14): the list, one version whole, and what `POST /handover/templates` takes.
// Split from handover-package.ts (which re-exports it) to keep each contract file small.
import { z } from 'zod';
import { CHECKLIST_GROUPS } from '../handover-package/checklist-template.ts';
import { PRODUCT_FLAGS, PRODUCT_TYPES } from '../handover-package/profile.ts';
import { ZPerson, zTimestamp } from './common.ts';

export const ZTemplateParams = z.strictObject({
  templateId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a template id such as handover-readiness'),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** A template in the list: the built-in one and those ProductOps wrote. */
export const ZTemplateSummary = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  items: z.number().int(),
  builtIn: z.boolean(),
  createdBy: ZPerson.nullable(),
  createdAt: zTimestamp().nullable(),
});
export type TemplateSummary = z.infer<typeof ZTemplateSummary>;

const ZApplies = z.strictObject({
  required: z.array(z.enum(PRODUCT_TYPES)),
  recommended: z.array(z.enum(PRODUCT_TYPES)),
  whenFlags: z.array(z.enum(PRODUCT_FLAGS)).optional(),
});

/** A whole template: what `POST /handover/templates` takes (checked by core, every problem named) and answers. */
export const ZChecklistTemplate = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  weights: z.strictObject({ required: z.number(), recommended: z.number() }),
  items: z.array(
    z.strictObject({
      id: z.string(),
      group: z.enum(CHECKLIST_GROUPS),
      text: z.string(),
      why: z.string(),
      evidence: z.string(),
      applies: ZApplies,
    }),
  ),
});
export type ChecklistTemplateBody = z.infer<typeof ZChecklistTemplate>;
