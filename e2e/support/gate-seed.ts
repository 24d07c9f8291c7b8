// Seed for the gate journey: on top of the shared studio, a ProductOps reviewer and a product with a thin PRD.
import { type ApiClient, loginApi } from './api-client.ts';
import { PO, SUBSIDIARY, seedStudio } from './seed.ts';

export const OPS = { email: 'ops@e2e.test', password: 'ops-pass-12345', name: 'Olu Ops' };

/** A PRD that states a problem and requirements but has no metrics or acceptance criteria yet. */
export const THIN_PRD = `# Refund Tracker PRD

## Problem

Merchants call support about refunds: 38% of tickets in October were "where is my refund" (support report, Oct 2026).

## Users

- Merchant finance staff
- Support agents

## Requirements

1. FR-1 (Must) Merchants see the status of every refund.
2. FR-2 (Should) Support agents search refunds by order id.
`;

export type GateSeed = { admin: ApiClient; po: ApiClient; productCode: string; documentId: string };

export async function seedGate(baseUrl: string): Promise<GateSeed> {
  const admin = await seedStudio(baseUrl);
  await admin.post('/users', {
    email: OPS.email,
    name: OPS.name,
    password: OPS.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'productops' }],
  });
  const types = await admin.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const product = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name: 'Refund Tracker',
    productType: types.items[0]?.code,
  });
  const doc = await po.post<{ id: string }>(`/products/${product.code}/documents`, { kind: 'prd', body: THIN_PRD });
  return { admin, po, productCode: product.code, documentId: doc.id };
}
