// Who may use a product's handover packs and package: everyone who can see the product reads them (product.read);
// admin, ProductOps, PO, VB and builders upload packs and keep the package (handover.write); IT records the readiness
// review and logs post-handover gaps (handover.accept), a review only as the product's IT owner, so that case makes
// the caller the IT owner first (the rule's own check). Package cases use a product of their own per subsidiary, in
// handover with an open package; a review there is a rejection and a gap answers 409 not_live, so no case moves the
// product on.
import { packMarkdown, uploadPack } from '../../src/modules/handover/packs/test-kit.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

const uploaded = new WeakMap<Fixtures, Map<string, Promise<string>>>();

/** Per subsidiary, once: a product with version 1 of its QA pack; answers the product code. */
function withPack(f: Fixtures, sub: string): Promise<string> {
  let bySub = uploaded.get(f);
  if (!bySub) {
    bySub = new Map();
    uploaded.set(f, bySub);
  }
  let hit = bySub.get(sub);
  if (!hit) {
    hit = (async () => {
      const { code } = await f.product(sub);
      const res = await uploadPack(f.admin, code, 'qa', packMarkdown('qa', code), { fileName: 'qa.md' });
      if (res.status !== 201) throw new Error(`handover fixture: ${res.status} ${await res.text()}`);
      return code;
    })();
    bySub.set(sub, hit);
  }
  return hit;
}

const packaged = new WeakMap<Fixtures, Map<string, Promise<string>>>();

/** Per subsidiary, once: a product in handover with an open package; answers the product code. */
function withPackage(f: Fixtures, sub: string): Promise<string> {
  let bySub = packaged.get(f);
  if (!bySub) {
    bySub = new Map();
    packaged.set(f, bySub);
  }
  let hit = bySub.get(sub);
  if (!hit) {
    hit = (async () => {
      const { code } = await f.newProduct(sub);
      await f.t.deps.handle.raw(`update products set stage = 'handover' where code = $1`, [code]);
      const res = await f.admin.post(`/api/v1/products/${code}/handover/package`, { type: 'INT', release: '1.0.0' });
      if (res.status !== 201) throw new Error(`handover package fixture: ${res.status} ${await res.text()}`);
      return code;
    })();
    bySub.set(sub, hit);
  }
  return hit;
}

const pkg = async (f: Fixtures, sub: string, rest = '') =>
  `/api/v1/products/${await withPackage(f, sub)}/handover/package${rest}`;

const MATRIX_TEMPLATE = {
  id: 'matrix-template',
  version: 1,
  title: 'Matrix template',
  weights: { required: 3, recommended: 1 },
  items: [
    {
      id: 'SCP-1',
      group: 'SCP',
      text: 'Scope stated',
      why: 'IT knows what it accepts',
      evidence: 'PRD link',
      applies: { required: ['WEB', 'INT', 'API', 'DATA', 'AI'], recommended: [] },
    },
  ],
};

const read = { permission: 'product.read' } as const;
const write = { permission: 'handover.write' } as const;
const accept = { permission: 'handover.accept' } as const;
const packs = async (f: Fixtures, sub: string, rest = '') =>
  `/api/v1/products/${await withPack(f, sub)}/handover/packs${rest}`;

export const handoverCases: Expectations = {
  'POST /products/:code/handover/packs': {
    policy: { permission: 'handover.write' },
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      return {
        path: `/api/v1/products/${code}/handover/packs?kind=runbook&fileName=runbook.md`,
        headers: { 'content-type': 'text/markdown' },
        rawBody: packMarkdown('runbook', code),
      };
    },
  },
  'GET /products/:code/handover/packs': { policy: read, build: async (f, sub) => ({ path: await packs(f, sub) }) },
  'GET /products/:code/handover/packs/:kind': {
    policy: read,
    build: async (f, sub) => ({ path: await packs(f, sub, '/qa') }),
  },
  'GET /products/:code/handover/packs/:kind/:version': {
    policy: read,
    build: async (f, sub) => ({ path: await packs(f, sub, '/qa/1') }),
  },
  'GET /products/:code/handover/packs/:kind/:version/text': {
    policy: read,
    build: async (f, sub) => ({ path: await packs(f, sub, '/qa/1/text') }),
  },
  'GET /products/:code/handover/package': { policy: read, build: async (f, sub) => ({ path: await pkg(f, sub) }) },
  'POST /products/:code/handover/package': {
    policy: write,
    // The product already has an open package: 409 package_exists, access granted.
    build: async (f, sub) => ({ path: await pkg(f, sub), body: { type: 'WEB', release: '9.9.9' } }),
  },
  'PATCH /products/:code/handover/package/items/:itemId': {
    policy: write,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/items/SCP-1'), body: { owner: 'Matrix owner' } }),
  },
  'GET /products/:code/handover/package/artifacts/:kind': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/artifacts/runbook') }),
  },
  'GET /products/:code/handover/package/artifacts/:kind/draft': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/artifacts/support/draft') }),
  },
  'GET /products/:code/handover/package/artifacts/:kind/versions/:version': {
    policy: read,
    // No version yet: 404 naming path.version is the package's own answer; the matrix aims at version 1 of its own.
    build: async (f, sub) => {
      const path = await pkg(f, sub, '/artifacts/ownership');
      const res = await f.admin.post(path, { body: '# Ownership\n\nIT owner: matrix', baseVersion: 0 });
      if (res.status !== 201 && res.status !== 409) throw new Error(`artifact fixture: ${res.status}`);
      return { path: `${path}/versions/1` };
    },
  },
  'POST /products/:code/handover/package/artifacts/:kind': {
    policy: write,
    build: async (f, sub) => ({
      path: await pkg(f, sub, '/artifacts/escalation'),
      body: { body: '# Escalation\n\nSEV1: on-call', baseVersion: 0 },
    }),
  },
  'GET /products/:code/handover/package/export.zip': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/export.zip') }),
  },
  'GET /products/:code/handover/package/export.pdf': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/export.pdf') }),
  },
  'GET /products/:code/handover/package/export.docx': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/export.docx') }),
  },
  'GET /products/:code/handover/package/agenda': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/agenda') }),
  },
  'POST /products/:code/handover/package/reviews': {
    policy: accept,
    build: async (f, sub, caller) => {
      const path = await pkg(f, sub, '/reviews');
      await f.t.deps.handle.raw('update products set it_owner_id = $1 where code = $2', [
        caller.user?.id ?? null,
        await withPackage(f, sub),
      ]);
      return {
        path,
        body: {
          reviewDate: '2026-12-01',
          decision: 'rejected',
          attendees: [{ name: 'Matrix IT', role: 'IT owner' }],
          rejectionItemIds: ['SCP-1'],
        },
      };
    },
  },
  'POST /products/:code/handover/package/ownership': {
    policy: accept,
    // Not accepted yet: 409 not_accepted, access granted (as the IT owner).
    build: async (f, sub, caller) => {
      await f.t.deps.handle.raw('update products set it_owner_id = $1 where code = $2', [
        caller.user?.id ?? null,
        await withPackage(f, sub),
      ]);
      return { path: await pkg(f, sub, '/ownership'), body: { runBy: 'IT ops', supportedBy: 'Service desk' } };
    },
  },
  'GET /products/:code/handover/gaps': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${await withPackage(f, sub)}/handover/gaps` }),
  },
  'POST /products/:code/handover/gaps': {
    policy: accept,
    build: async (f, sub) => ({
      path: `/api/v1/products/${await withPackage(f, sub)}/handover/gaps`,
      body: { title: 'Matrix gap', severity: 'minor' },
    }),
  },
  'GET /handover/checkpoint': {
    policy: 'signed-in',
    build: async (f, sub) => {
      await withPackage(f, sub);
      return { path: '/api/v1/handover/checkpoint' };
    },
    hides: (f, sub) => withPackage(f, sub),
  },
  'GET /handover/checkpoint.md': {
    policy: 'signed-in',
    build: async (f, sub) => {
      await withPackage(f, sub);
      return { path: '/api/v1/handover/checkpoint.md' };
    },
    hides: (f, sub) => withPackage(f, sub),
  },
  'GET /handover/checkpoint.pdf': {
    policy: 'signed-in',
    build: async (f, sub) => {
      await withPackage(f, sub);
      return { path: '/api/v1/handover/checkpoint.pdf' };
    },
  },
  'GET /handover/templates': { policy: 'signed-in', build: () => ({ path: '/api/v1/handover/templates' }) },
  'GET /handover/templates/:templateId/:version': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/handover/templates/handover-readiness/1' }),
  },
  'POST /handover/templates': {
    policy: { anyRole: ['admin', 'productops'] },
    // The first allowed caller stores v1 of the matrix template; the rest meet 409 template_version_exists.
    build: () => ({ path: '/api/v1/handover/templates', body: MATRIX_TEMPLATE }),
  },
  'GET /handover/gap-stats': { policy: 'signed-in', build: () => ({ path: '/api/v1/handover/gap-stats' }) },
};
