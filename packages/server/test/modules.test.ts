// The module list is complete: every module folder has a manifest in MODULES, every route of the app belongs to
// exactly one manifest, every permission and audit action has exactly one owner, and every worker job is declared.
import fs from 'node:fs';
import { PERMISSIONS } from '@pi-studio/core/access/roles';
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import { describe, expect, it } from 'vitest';
import { API_PREFIX } from '../src/app.ts';
import { buildOpenApi } from '../src/http/openapi.ts';
import { jobs } from '../src/lib/jobs/registry.ts';
import { MODULES } from '../src/modules/index.ts';
import { routeTable } from '../src/routes.ts';
import { routeKey } from './fuzz-kit.ts';

const MODULES_DIR = new URL('../src/modules/', import.meta.url);
const names = MODULES.map((m) => m.name);

/** Each value with the number of times it occurs, for the ones that occur other than once. */
function notOnce(values: readonly string[], expected: readonly string[]) {
  const seen = new Map<string, number>(expected.map((v) => [v, 0]));
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].filter(([, n]) => n !== 1);
}

describe('the module list', () => {
  it('has a manifest for every module folder, named as its folder, once', async () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...names].sort()).toEqual([...folders].sort());
    for (const folder of folders) {
      const exported = Object.values(await import(new URL(`${folder}/module.ts`, MODULES_DIR).href));
      expect(exported.length, `${folder}/module.ts exports its manifest alone`).toBe(1);
      expect(MODULES.find((m) => m.name === folder)).toBe(exported[0]);
    }
  });

  it('gives every route of the app to exactly one module', () => {
    expect(routeTable).toEqual(MODULES.flatMap((m) => m.routes));
    const keys = MODULES.flatMap((m) => m.routes.map(routeKey));
    expect(notOnce(keys, [])).toEqual([]);
    const doc = buildOpenApi(routeTable, API_PREFIX) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations.length).toBe(keys.length);
  });

  it('gives every permission exactly one owner, and routes check only owned permissions', () => {
    expect(
      notOnce(
        MODULES.flatMap((m) => m.permissions),
        PERMISSIONS,
      ),
    ).toEqual([]);
    const checked = routeTable.flatMap((r) => (typeof r.access === 'object' ? [r.access.permission] : []));
    expect(checked.filter((p) => !PERMISSIONS.includes(p))).toEqual([]);
  });

  it("declares each module's audit actions in core, each action once", () => {
    expect(Object.keys(AUDIT_ACTIONS).sort()).toEqual([...names].sort());
    for (const m of MODULES) expect(m.auditActions, m.name).toBe(AUDIT_ACTIONS[m.name as keyof typeof AUDIT_ACTIONS]);
    expect(notOnce(Object.values(AUDIT_ACTIONS).flat(), [])).toEqual([]);
  });

  it('declares every worker job in exactly one module', () => {
    expect(
      notOnce(
        MODULES.flatMap((m) => m.jobs ?? []),
        Object.keys(jobs),
      ),
    ).toEqual([]);
  });
});
