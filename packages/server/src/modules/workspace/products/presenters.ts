import type { Product, ProductGate, ProductListItem } from '@pi-studio/core/contract/products';
import type { Stage } from '@pi-studio/core/workspace/stages';
import type { ProductListRow, ProductRow } from './repo.ts';

type Person = { id: string | null; name: string | null; email: string | null };
const presentPerson = (p: Person | null) => (p?.id ? { id: p.id, name: p.name ?? '', email: p.email ?? '' } : null);

export function presentProduct(row: ProductRow): Product {
  const p = row.product;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    subsidiary: row.subsidiary,
    productType: p.productType,
    tags: p.tags,
    // The text columns hold only what the request schemas let in (ZProductPatch, ZTaxonomyBody).
    stage: p.stage as Stage,
    summary: p.summary,
    po: presentPerson(row.po),
    builder: presentPerson(row.builder),
    itOwner: presentPerson(row.itOwner),
    revision: p.revision,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A board row: the product and its gate status (built by the query as JSON in the contract's shape). */
export function presentListItem(row: ProductListRow): ProductListItem {
  return { ...presentProduct(row), gate: row.gate === null ? null : (JSON.parse(row.gate) as ProductGate) };
}
