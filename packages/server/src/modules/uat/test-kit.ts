// Test-only helpers for the UAT API tests and the authorization cases: images (real and disguised) and one-line
// actions that set up a running session with a case.
import type { TestClient } from '../../../test/harness.ts';

/** A real 1×1 PNG. */
export const PNG_1PX = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A minimal JPEG: start-of-image, a JFIF segment, end-of-image. */
export const JPEG_TINY = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);

/** A RIFF/WEBP container whose declared size matches. */
export function webpTiny(): Uint8Array {
  const b = new Uint8Array(26);
  b.set([0x52, 0x49, 0x46, 0x46, 18, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c]);
  return b;
}

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`uat fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A running session of `code` with one hand-written case; answers their keys. */
export async function runningSession(c: TestClient, code: string): Promise<{ session: string; caseKey: string }> {
  const base = `/api/v1/products/${code}/uat/sessions`;
  const { key } = await ok<{ key: string }>(
    await c.post(base, { title: 'Matrix UAT', buildVersion: '1.0.0' }),
    'session',
  );
  const added = await ok<{ key: string }>(
    await c.post(`${base}/${key}/cases`, {
      title: 'Sign in',
      steps: [
        { keyword: 'Given', text: 'a user' },
        { keyword: 'Then', text: 'they see home' },
      ],
    }),
    'case',
  );
  await ok(await c.post(`${base}/${key}/start`), 'start');
  return { session: key, caseKey: added.key };
}

/** A passing run of the case; answers its id. */
export async function passRun(c: TestClient, code: string, caseKey: string): Promise<string> {
  const res = await c.post(`/api/v1/products/${code}/uat/cases/${caseKey}/runs`, { result: 'pass', notes: 'ok' });
  return (await ok<{ run: { id: string } }>(res, 'run')).run.id;
}

/** A guest link of the session; answers its id and token. */
export async function guestLink(c: TestClient, code: string, session: string, guestName = 'Gina Guest') {
  const res = await c.post(`/api/v1/products/${code}/uat/sessions/${session}/guest-links`, { guestName });
  const body = await ok<{ link: { id: string }; token: string }>(res, 'guest link');
  return { id: body.link.id, token: body.token };
}
