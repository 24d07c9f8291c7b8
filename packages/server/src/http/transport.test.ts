// Over a real socket (issue #9, defect 10): what Node refuses before the app sees it is still problem+json, and an
// anonymous upload too large for the body limit is answered 401 (not a reset socket) while the client still sends.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { type HttpServer, serveApp } from './node-server.ts';

let t: TestContext;
let server: HttpServer;
let port: number;

beforeAll(async () => {
  t = await createTestContext();
  await new Promise<void>((resolve) => {
    server = serveApp(t.app, { port: 0, hostname: '127.0.0.1' }, resolve);
  });
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await t?.close();
});

type Answer = { status: number; type: string | undefined; body: string };

/** Streams `size` bytes of body in 64 KB chunks, the way a big upload arrives, and resolves with the answer. */
function upload(path: string, size: number, extra: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(size), ...extra },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** Sends raw bytes and returns the raw answer (for requests Node's parser refuses). */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let out = '';
    socket.on('data', (d) => {
      out += d;
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('requests Node refuses', () => {
  it('answers an over-long URL with 431 problem+json', async () => {
    const answer = await raw(`GET /api/v1/products?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'headers_too_large',
    });
  });

  it('answers a malformed request line with 400 problem+json', async () => {
    const answer = await raw('GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(answer).toContain('"code":"malformed_request"');
  });
});

describe('an anonymous large body', () => {
  it('gets 401 problem+json, every time, instead of a reset socket or a 413', async () => {
    for (const size of [3, 30, 30, 30].map((mb) => mb * 1024 * 1024)) {
      const res = await upload('/api/v1/products', size);
      expect(res.status, res.body).toBe(401);
      expect(res.type).toContain('application/problem+json');
    }
  });

  it('with an unknown API token also gets 401 (invalid_token)', async () => {
    for (const size of [3, 30].map((mb) => mb * 1024 * 1024)) {
      const res = await upload('/api/v1/products', size, { authorization: 'Bearer pis_nope_nope' });
      expect(res.status, res.body).toBe(401);
      expect(res.body).toContain('invalid_token');
    }
  });

  it('is still limited on a public route (sign-in) with 413', async () => {
    const res = await upload('/api/v1/auth/login', 3 * 1024 * 1024);
    expect(res.status, res.body).toBe(413);
  });
});
