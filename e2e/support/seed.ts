// Shared seed for journeys: an empty studio with one subsidiary and a product owner who belongs to it.
import { type ApiClient, loginApi } from './api-client.ts';

// Not "e2e-admin-…": the password policy refuses passwords containing words of the account's own email.
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-root-pass-123' };
export const PO = { email: 'po@e2e.test', password: 'po-pass-12345', name: 'Pat Owner' };
export const SUBSIDIARY = 'E2E';

/** Server environment for a journey: no demo data, a known admin. */
export const serverEnv = () => ({
  PISTUDIO_DEMO: '0',
  PISTUDIO_ADMIN_EMAIL: ADMIN.email,
  PISTUDIO_ADMIN_PASSWORD: ADMIN.password,
});

export async function seedStudio(baseUrl: string): Promise<ApiClient> {
  const admin = await loginApi(baseUrl, ADMIN.email, ADMIN.password);
  await admin.post('/subsidiaries', { code: SUBSIDIARY, name: 'E2E Labs' });
  await admin.post('/users', {
    email: PO.email,
    name: PO.name,
    password: PO.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'po' }],
  });
  const types = await admin.get<{ items: unknown[] }>('/taxonomy?kind=product_type');
  if (types.items.length === 0)
    await admin.post('/taxonomy', { kind: 'product_type', code: 'web_app', label: 'Web app' });
  return admin;
}
