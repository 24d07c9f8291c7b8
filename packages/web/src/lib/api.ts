// The one HTTP client of the SPA: JSON in/out, CSRF header on changes, problems as ApiError.
import type { Problem } from '@pi-studio/core/contract/common';

export type { InvalidParam, Problem } from '@pi-studio/core/contract/common';

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

async function send(method: string, path: string, body?: unknown, opts: Options = {}) {
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
  if (res.status === 204) return { data: undefined, res };
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page or a truncated body: report the status rather than a JSON syntax error.
    if (res.ok) throw new ApiError(problemFor(res, {}, 'the server sent a response that is not JSON'));
  }
  if (!res.ok) throw new ApiError(problemFor(res, (data ?? {}) as Partial<Problem>));
  return { data, res };
}

function problemFor(res: { status: number; statusText: string }, p: Partial<Problem>, detail?: string): Problem {
  return {
    type: p.type ?? 'about:blank',
    title: p.title ?? res.statusText,
    status: res.status,
    code: p.code ?? 'http_error',
    detail: p.detail ?? detail ?? `${res.status} ${res.statusText}`,
    ...p,
  };
}

async function request<T>(method: string, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  return (await send(method, path, body, opts)).data as T;
}

/** Like api.get, but also returns the ETag header (the concurrency token for If-Match). */
export async function getWithEtag<T>(path: string, opts?: Options): Promise<{ data: T; etag: string | null }> {
  const { data, res } = await send('GET', path, undefined, opts);
  return { data: data as T, etag: res.headers.get('etag') };
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: Options) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: Options) => request<T>('PATCH', path, body, opts),
  /** `body`: for removals that need proof, e.g. the current password. */
  delete: <T>(path: string, opts?: Options & { body?: unknown }) => request<T>('DELETE', path, opts?.body, opts),
};

/** Builds a query string from defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export type UploadProgress = { phase: 'uploading'; loaded: number; total: number } | { phase: 'processing' };

/**
 * POSTs a file as the raw body (e.g. `text/csv`) and reports its progress: bytes sent while uploading, then
 * `processing` while the server works on it. XMLHttpRequest, because fetch reports no upload progress.
 */
export function postFileWithProgress<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'uploading', loaded: e.loaded, total: e.total || file.size });
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new Error('the upload failed: the server could not be reached'));
    xhr.onabort = () => reject(new DOMException('the upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data !== undefined) resolve(data as T);
      else
        reject(
          new ApiError(
            problemFor(xhr, (data ?? {}) as Partial<Problem>, 'the server sent a response that is not JSON'),
          ),
        );
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
