// Database error codes the services act on. Both drivers (pg, PGlite) report the SQLSTATE as `code`; Drizzle may wrap
// the driver's error, leaving it in `cause`.

/** SQLSTATE 23505: an INSERT or UPDATE hit a unique index (e.g. two saves racing for one version number). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
