// A minimal cookie + CSRF client for seeding data through the public API (as a script or the CLI would).
type Headers = Record<string, string>;
export type ApiClient = {
  get: <T>(path: string) => Promise<T>;
  /** GET that also returns the ETag header (documents, products). */
  getWithEtag: <T>(path: string) => Promise<{ data: T; etag: string }>;
  post: <T>(path: string, body: unknown, headers?: Headers) => Promise<T>;
  put: <T>(path: string, body: unknown) => Promise<T>;
  patch: <T>(path: string, body: unknown) => Promise<T>;
  /** POST of a text file as the body itself (a chat export), with its media type. */
  postRaw: <T>(path: string, body: string, contentType: string) => Promise<T>;
};

export async function loginApi(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const send = async (method: string, path: string, body?: unknown, headers: Headers = {}, raw = false) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${text}`);
    return { data: text ? JSON.parse(text) : undefined, etag: r.headers.get('etag') ?? '' };
  };
  return {
    get: async (path) => (await send('GET', path)).data,
    getWithEtag: (path) => send('GET', path),
    post: async (path, body, headers) => (await send('POST', path, body, headers)).data,
    put: async (path, body) => (await send('PUT', path, body)).data,
    patch: async (path, body) => (await send('PATCH', path, body)).data,
    postRaw: async (path, body, contentType) =>
      (await send('POST', path, body, { 'content-type': contentType }, true)).data,
  };
}
