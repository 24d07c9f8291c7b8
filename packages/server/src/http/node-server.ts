// The Node HTTP server the app listens on. Requests Node refuses before the app sees them (an over-long URL or header
// block, a malformed request line) get the same RFC 9457 problem+json as everything else instead of Node's bare
// status line, so clients and proxies parse one error format.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

export type HttpServer = ReturnType<typeof serve>;

const REFUSALS: Record<string, { status: number; title: string; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    detail: 'the URL or the request headers exceed 16 KB; shorten the query string or send the data in a body',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    code: 'request_timeout',
    detail: 'the request was not received in time',
  },
};
const MALFORMED = {
  status: 400,
  title: 'Bad Request',
  code: 'malformed_request',
  detail: 'the HTTP request is malformed',
};

/** Answers a request Node's parser refused, then closes the connection (its framing can no longer be trusted). */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const r = REFUSALS[err.code ?? ''] ?? MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `https://pistudio.dev/problems/${r.code}`,
    title: r.title,
    status: r.status,
    code: r.code,
    detail: r.detail,
    requestId,
  });
  socket.end(
    `HTTP/1.1 ${r.status} ${r.title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'X-Content-Type-Options: nosniff\r\n' +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}

export function serveApp(
  app: Hono<AppEnv>,
  opts: { port: number; hostname?: string },
  onListening: () => void,
): HttpServer {
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.hostname }, onListening);
  server.on('clientError', answerClientError);
  return server;
}
