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

/** A multipart body with one small Markdown evidence file. */
const evidenceForm = () => {
  const form = new FormData();
  form.set('file', new File(['# Evidence\n\nCI run 1 passed.'], 'evidence.md', { type: 'text/markdown' }));
  return form;
};

const filed = new WeakMap<Fixtures, Map<string, Promise<string>>>();

/** Per subsidiary, once: an evidence file on SCP-2 of the package; answers its id. */
function withEvidenceFile(f: Fixtures, sub: string): Promise<string> {
  let bySub = filed.get(f);
  if (!bySub) {
    bySub = new Map();
    filed.set(f, bySub);
  }
  let hit = bySub.get(sub);
  if (!hit) {
    hit = (async () => {
      const res = await f.admin.request('POST', await pkg(f, sub, '/items/SCP-2/files'), { rawBody: evidenceForm() });
      if (res.status !== 201) throw new Error(`evidence fixture: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    })();
    bySub.set(sub, hit);
  }
  return hit;
}

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
  'POST /products/:code/handover/package/items/:itemId/files': {
    policy: write,
    build: async (f, sub) => ({
      path: await pkg(f, sub, '/items/SCP-1/files'),
      rawBody: evidenceForm(),
    }),
  },
  'GET /products/:code/handover/package/items/:itemId/files': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/items/SCP-1/files') }),
  },
  'GET /products/:code/handover/package/items/:itemId/files/:fileId': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, `/items/SCP-2/files/${await withEvidenceFile(f, sub)}`) }),
  },
  'DELETE /products/:code/handover/package/items/:itemId/files/:fileId': {
    policy: write,
    // Each allowed caller removes a file of its own (the first removal would leave the others a 404).
    build: async (f, sub) => {
      const path = await pkg(f, sub, '/items/SCP-3/files');
      const res = await f.admin.request('POST', path, { rawBody: evidenceForm() });
      if (res.status !== 201) throw new Error(`evidence fixture: ${res.status} ${await res.text()}`);
      return { path: `${path}/${((await res.json()) as { id: string }).id}` };
    },
  },
  'GET /products/:code/handover/package/items/:itemId/history': {
    policy: read,
    build: async (f, sub) => ({ path: await pkg(f, sub, '/items/SCP-1/history') }),
  },
  'PATCH /products/:code/handover/package/els': {
    policy: { permission: 'handover.write', onlyRoles: ['productops'] },
    // The package is not accepted: 409 not_accepted once the role check passed, access granted.
    build: async (f, sub) => ({ path: await pkg(f, sub, '/els'), body: { days: 45 } }),
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
