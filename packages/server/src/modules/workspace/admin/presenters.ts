import type { Role } from '@pi-studio/core/access/roles';
import type { Subsidiary, TaxonomyTerm } from '@pi-studio/core/contract/workspace';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import type { SubsidiaryRow, TermRow } from './repo.ts';

export const presentSubsidiary = (s: SubsidiaryRow, productCount: number, myRole: Role | null): Subsidiary => ({
  id: s.id,
  code: s.code,
  name: s.name,
  productCount: Number(productCount),
  myRole,
  gateFourEyes: s.gateFourEyes,
  createdAt: s.createdAt.toISOString(),
});

export const presentTerm = (t: TermRow): TaxonomyTerm => ({
  id: t.id,
  // The kind column holds only what ZTaxonomyBody let in.
  kind: t.kind as TaxonomyKind,
  code: t.code,
  label: t.label,
  archived: t.archived,
});
