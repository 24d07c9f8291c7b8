// The one HTTP client of the SPA: JSON in/out, CSRF header on changes, problems as ApiError.

export type InvalidParam = { name: string; reason: string };
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  invalid_params?: InvalidParam[];
  [extra: string]: unknown;
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
  /** Reason for one field, for showing under a form input. */
  fieldError(name: string): string | undefined {
    return this.problem.invalid_params?.find((p) => p.name === name)?.reason;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Options = { headers?: Record<string, string>; signal?: AbortSignal };

async function request<T>(method: string, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    throw new ApiError({
      type: p.type ?? 'about:blank',
      title: p.title ?? res.statusText,
      status: res.status,
      code: p.code ?? 'http_error',
      detail: p.detail ?? `${res.status} ${res.statusText}`,
      ...p,
    });
  }
  return data as T;
}

/** Like request, but also returns response headers (for ETag). */
export async function getWithEtag<T>(path: string): Promise<{ data: T; etag: string | null }> {
  const res = await fetch(`/api/v1${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const data = (await res.json()) as T;
  if (!res.ok) throw new ApiError(data as unknown as Problem);
  return { data, etag: res.headers.get('etag') };
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: Options) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: Options) => request<T>('PATCH', path, body, opts),
  delete: <T>(path: string, opts?: Options) => request<T>('DELETE', path, undefined, opts),
};

/** Builds a query string from defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
