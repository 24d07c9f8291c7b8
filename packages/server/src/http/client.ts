// Facts about the client that depend on whether a reverse proxy in front of us is trusted (PISTUDIO_TRUST_PROXY).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

type ProxyTrust = { trustProxy: boolean; trustProxyHops: number };

/**
 * The client's address. Behind trusted proxies, the entry of X-Forwarded-For that the outermost trusted proxy
 * appended: `hops` from the right. Everything left of it was written by the client and may be forged, so taking the
 * leftmost entry (as this code once did) let anyone pick a fresh address per request and dodge per-client limits.
 */
export function clientAddress(c: Context, trust: ProxyTrust): string {
  if (trust.trustProxy) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const added = entries[Math.max(0, entries.length - trust.trustProxyHops)];
    if (added) return added;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // in-process requests (tests) have no socket
  }
}

/** Whether the browser reached us over TLS: an https URL, or a trusted proxy saying so (X-Forwarded-Proto). */
export function servedOverTls(c: Context, trust: Pick<ProxyTrust, 'trustProxy'>): boolean {
  if (c.req.url.startsWith('https:')) return true;
  return trust.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
