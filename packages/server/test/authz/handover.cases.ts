// Who may use a product's handover packs: everyone who can see the product reads them (product.read); admin,
// ProductOps, PO, VB and builders upload them (handover.write); IT and viewers do not.
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

const read = { permission: 'product.read' } as const;
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
};
