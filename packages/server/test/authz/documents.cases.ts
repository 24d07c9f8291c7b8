import type { Expectations } from './route-case.ts';

const STUDIO_EDITORS = ['admin', 'productops'] as const;
const markdown = (title: string, extra = '') =>
  `# ${title}\n\n## Problem\n\nWritten by the authorization matrix. ${extra}\n`;

export const documentCases: Expectations = {
  'GET /products/:code/documents': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => ({ path: `/api/v1/products/${(await f.product(sub)).code}/documents` }),
  },
  'POST /products/:code/documents': {
    policy: { permission: 'document.write' },
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.newProduct(sub)).code}/documents`,
      body: { kind: 'context', title: f.unique('Matrix context ') },
    }),
  },
  'POST /products/:code/documents/import': {
    policy: { permission: 'document.write' },
    build: async (f, sub) => {
      const form = new FormData();
      form.append('kind', 'prd');
      form.append('file', new File([markdown(f.unique('Imported '))], 'imported.md', { type: 'text/markdown' }));
      return { path: `/api/v1/products/${(await f.newProduct(sub)).code}/documents/import`, rawBody: form };
    },
  },
  'GET /documents/:id': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => ({ path: `/api/v1/documents/${(await f.document(sub)).id}` }),
  },
  'POST /documents/:id/versions': {
    policy: { permission: 'document.write' },
    build: async (f, sub) => {
      const { id } = await f.document(sub);
      return {
        path: `/api/v1/documents/${id}/versions`,
        // The edit keeps the search needle, so the search cases still find the current version.
        body: { body: markdown(f.unique('Edited '), f.searchNeedle(sub)), bump: 'minor' },
        headers: { 'if-match': await f.documentEtag(id) },
      };
    },
  },
  'GET /documents/:id/versions': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => ({ path: `/api/v1/documents/${(await f.document(sub)).id}/versions` }),
  },
  'GET /documents/:id/versions/:version': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => {
      const d = await f.document(sub);
      return { path: `/api/v1/documents/${d.id}/versions/${d.version}` };
    },
  },
  'GET /documents/:id/diff': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => {
      const d = await f.document(sub);
      return { path: `/api/v1/documents/${d.id}/diff?from=${d.version}&to=${d.version}` };
    },
  },

  'GET /templates': { policy: 'signed-in', build: () => ({ path: '/api/v1/templates' }) },
  'GET /templates/:id': {
    policy: 'signed-in',
    build: async (f) => ({ path: `/api/v1/templates/${(await f.template()).id}` }),
  },
  'POST /templates/:id/versions': {
    policy: { anyRole: STUDIO_EDITORS },
    build: async (f) => ({
      path: `/api/v1/templates/${(await f.template()).id}/versions`,
      body: { body: markdown(f.unique('Template ')), bump: 'minor' },
    }),
  },

  'GET /search': {
    policy: 'signed-in',
    build: async (f, sub) => {
      await f.document(sub);
      return { path: `/api/v1/search?q=${f.searchNeedle(sub)}` };
    },
    hides: async (f, sub) => (await f.document(sub)).productCode,
  },
};
