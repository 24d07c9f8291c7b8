import type { subsidiaries, taxonomyTerms } from '../../db/schema/workspace.ts';
import type { ProductRow } from './repo.ts';

type Person = { id: string | null; name: string | null; email: string | null };
const presentPerson = (p: Person | null) => (p?.id ? { id: p.id, name: p.name ?? '', email: p.email ?? '' } : null);

export function presentProduct(row: ProductRow) {
  const p = row.product;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    subsidiary: row.subsidiary,
    productType: p.productType,
    tags: p.tags,
    stage: p.stage,
    summary: p.summary,
    po: presentPerson(row.po),
    builder: presentPerson(row.builder),
    itOwner: presentPerson(row.itOwner),
    revision: p.revision,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type ProductView = ReturnType<typeof presentProduct>;

export const presentSubsidiary = (
  s: typeof subsidiaries.$inferSelect,
  productCount: number,
  myRole: string | null,
) => ({
  id: s.id,
  code: s.code,
  name: s.name,
  productCount: Number(productCount),
  myRole,
  createdAt: s.createdAt.toISOString(),
});

export const presentTerm = (t: typeof taxonomyTerms.$inferSelect) => ({
  id: t.id,
  kind: t.kind,
  code: t.code,
  label: t.label,
  archived: t.archived,
});
