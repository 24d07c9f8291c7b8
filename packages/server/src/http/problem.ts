import type { Context } from 'hono';
import type { AppError } from './errors.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId: string;
  invalid_params?: { name: string; reason: string }[];
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemBody(err: AppError, requestId: string, instance?: string): Problem {
  return {
    ...err.extra,
    type: `https://pistudio.dev/problems/${err.code}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(instance ? { instance } : {}),
    requestId,
    ...(err.invalidParams.length ? { invalid_params: err.invalidParams } : {}),
  };
}

export function problemResponse(c: Context, err: AppError, requestId: string): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'x-request-id': requestId,
    ...err.headers,
  };
  return new Response(JSON.stringify(problemBody(err, requestId, c.req.path)), { status: err.status, headers });
}
