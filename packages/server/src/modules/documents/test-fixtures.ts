// Test-only builders shared by the documents and search tests: products straight in the database (the
// products API has its own tests) and multipart uploads. Word documents come from @pi-studio/core/docx/docx-fixture.
import type { TestContext } from '../../../test/harness.ts';
import { insertProduct } from '../workspace/products/repo.ts';

export async function makeProduct(t: TestContext, sub: string, key: string, name: string): Promise<string> {
  const code = `${sub}-${key}`;
  await insertProduct(t.deps.db, { code, name, subsidiaryId: await t.subsidiary(sub), productType: 'web_app' });
  return code;
}

export function upload(
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array | string; type?: string },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const part = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes);
  form.append('file', new File([part], file.name, { type: file.type ?? 'application/octet-stream' }));
  return form;
}
