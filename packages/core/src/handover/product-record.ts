// The product record a pack is compared with, as JSON from a file or a request body: validated here once, so
// the CLI and the server refuse the same bad records with the same message.
import { z } from 'zod';
import type { ProductRecord } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ProductRecordSchema = z.strictObject({
  name: text(200).optional(),
  code: text(80).optional(),
  version: text(64).optional(),
  previousVersions: z.array(text(64)).max(500).optional(),
  owners: z
    .array(z.strictObject({ name: text(200).optional(), email: text(320).optional(), role: text(120).optional() }))
    .max(200)
    .optional(),
  environments: z
    .array(z.strictObject({ name: text(80), url: text(2000).optional() }))
    .max(50)
    .optional(),
  urls: z.array(text(2000)).max(200).optional(),
}) satisfies z.ZodType<ProductRecord>;

export type ProductRecordResult = { ok: true; record: ProductRecord } | { ok: false; error: string };

export function parseProductRecord(value: unknown): ProductRecordResult {
  const parsed = ProductRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the record';
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
}
