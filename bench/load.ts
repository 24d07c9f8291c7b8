import autocannon from 'autocannon';

export type LoadResult = {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  p95?: number;
  errors: number;
  non2xx: number;
};

/** 20 connections for `seconds`; with `paths`, each request takes the next path in turn (same origin as `url`). */
export async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  paths?: string[],
): Promise<LoadResult> {
  let turn = 0;
  const requests = paths?.length
    ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[turn++ % paths.length] }) }]
    : undefined;
  const r = await autocannon({ url, connections: 20, duration: seconds, headers, requests });
  return {
    name,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/** Sequential requests for a latency distribution autocannon does not report (p95). */
export async function sample(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}
