// Test-only packs and uploads for the handover API tests and the authorization cases: a short pack of each kind in
// Markdown (sections named after the kind), the same as a Word document, and one line to upload a pack.
import { PACK_MEDIA_TYPES } from '@pi-studio/core/contract/handover';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import type { PackKind } from '@pi-studio/core/handover/types';
import type { TestClient } from '../../../../test/harness.ts';

/** An AWS access key id as people paste them (not AWS's documented EXAMPLE key, which the validator lets through). */
export const PLANTED_AWS_KEY = 'AKIAQ7XZ4M2N5P8R3T6W';

const SECTIONS: Record<PackKind, readonly string[]> = {
  qa: ['Scope', 'Test summary', 'Exit criteria', 'Test results', 'Defects', 'Risks'],
  security: ['Scope', 'Threat model', 'OWASP Top 10', 'Findings', 'Risks'],
  runbook: ['Service overview', 'Architecture', 'Environments', 'Deploy and rollback', 'Monitoring', 'Contacts'],
  'release-notes': ['Release 1.4.0', 'Added', 'Fixed', 'Known issues'],
  doc: ['Overview', 'Getting started', 'Configuration', 'Troubleshooting'],
};

/** A pack of `kind`: a title and a few sections of plain prose; `extra` lines go into the first section. */
export function packMarkdown(kind: PackKind, product: string, extra: readonly string[] = []): string {
  const sections = SECTIONS[kind].map(
    (title, i) =>
      `## ${title}\n\n${i === 0 ? [...extra, ''].join('\n') : ''}The ${product} team wrote this part of the ${kind} ` +
      `pack for release 1.4.0 on 2026-11-30. It lists what was checked, who checked it and where the evidence is kept.\n`,
  );
  return `# ${product} ${kind} pack\n\n${sections.join('\n')}`;
}

export function packDocx(kind: PackKind, product: string): Uint8Array {
  return buildDocx([
    { heading: 1, text: `${product} ${kind} pack` },
    ...SECTIONS[kind].flatMap((title) => [
      { heading: 2 as const, text: title },
      { text: `The ${product} team wrote this part of the ${kind} pack for release 1.4.0; it lists what was checked.` },
    ]),
  ]);
}

export const markdownType = { 'content-type': PACK_MEDIA_TYPES.markdown };

export function uploadPack(
  c: TestClient,
  code: string,
  kind: string,
  body: RequestInit['body'],
  opts: { fileName?: string; type?: string } = {},
): Promise<Response> {
  const query = new URLSearchParams({ kind, ...(opts.fileName ? { fileName: opts.fileName } : {}) });
  return c.request('POST', `/api/v1/products/${code}/handover/packs?${query}`, {
    headers: { 'content-type': opts.type ?? PACK_MEDIA_TYPES.markdown },
    rawBody: body,
  });
}
