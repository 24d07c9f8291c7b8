// Seed for the backlog journey: on top of the gate's studio (a PO and a ProductOps reviewer), a product whose PRD
// the PO submitted and ProductOps passed, so the PRD version 1.0 is the backlog's baseline. All through the API.
import { loginApi } from './api-client.ts';
import { OPS } from './gate-seed.ts';
import { PO, SUBSIDIARY, seedStudio } from './seed.ts';

/** Three requirements: two with acceptance criteria in the forms authors use, one without (its draft shows why). */
export const BACKLOG_PRD = `# Refund Tracker PRD

## Problem

Merchants call support about refunds: 38% of tickets in October were "where is my refund" (support report, Oct 2026).

## Users

- Merchant finance staff
- Support agents

## Requirements

- **FR-1** (Must) Merchants see the status of every refund so that they can answer their customers.
  - Acceptance: Given a refund issued on Monday, when the merchant opens Refunds, then the refund shows the status "Sent".
- **FR-2** (Should) Support agents search refunds by order id.
  - Acceptance: Given an order with a refund, when the agent searches its order id, then the refund is listed.
- **FR-3** (Could) Merchants export the refunds of a month as CSV.
`;

export type BacklogSeed = { productCode: string; documentId: string };

export async function seedBacklog(baseUrl: string): Promise<BacklogSeed> {
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
  const doc = await po.post<{ id: string }>(`/products/${product.code}/documents`, { kind: 'prd', body: BACKLOG_PRD });
  const review = await po.post<{ id: string }>(`/documents/${doc.id}/gate`, {});
  // ProductOps decides (the four-eyes rule: not the author); a pass makes version 1.0 the baseline.
  const ops = await loginApi(baseUrl, OPS.email, OPS.password);
  await ops.post(`/gate/reviews/${review.id}/decision`, { verdict: 'pass', note: 'Clear enough to build.' });
  return { productCode: product.code, documentId: doc.id };
}

/** Someone else's edit, as a second person in another browser would make it: PATCH as the given user. */
export async function patchAs(
  baseUrl: string,
  user: { email: string; password: string },
  path: string,
  body: unknown,
): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PATCH ${path} → ${res.status}: ${await res.text()}`);
}
