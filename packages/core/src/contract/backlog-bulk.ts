// Bulk edit of a product's stories (issue #12): one status, sprint or priority for up to 500 stories at once, all or
// nothing. Guide: docs/backlog.md, "Board, list and bulk edit"; route: docs/api-contract.md, "Backlog".
import { z } from 'zod';
import { PRIORITIES } from '../stories/priority.ts';
import { STORY_STATUSES, ZStory } from './backlog.ts';
import { zItems } from './common.ts';

/** The most stories one bulk edit changes; a client with more sends them in batches. */
export const STORY_BULK_MAX = 500;

export const ZStoryBulkPatch = z
  .strictObject({
    status: z.enum(STORY_STATUSES).optional(),
    /** A planned or active sprint of the same product; null takes the stories out of their sprint. */
    sprintId: z.uuid().nullable().optional(),
    priority: z.enum(PRIORITIES).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'send at least one field to change',
    // An unknown field is named on its own; "send at least one" would only add noise to that answer.
    when: (payload) => payload.issues.length === 0,
  });
export type StoryBulkPatch = z.infer<typeof ZStoryBulkPatch>;

export const ZStoryBulkBody = z.strictObject({
  /** Story keys of the product (`FINTX-PAYOUTS-S-12`), each once. */
  keys: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(STORY_BULK_MAX)
    .superRefine((keys, ctx) => {
      const seen = new Set<string>();
      keys.forEach((key, i) => {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `${key} is listed twice` });
        seen.add(key);
      });
    }),
  patch: ZStoryBulkPatch,
});
export type StoryBulkBody = z.infer<typeof ZStoryBulkBody>;

/** The changed stories, by number, as they are now (each revision one higher). */
export const ZStoryBulkResult = zItems(ZStory);
export type StoryBulkResult = z.infer<typeof ZStoryBulkResult>;
