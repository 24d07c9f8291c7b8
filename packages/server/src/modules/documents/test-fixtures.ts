// Test-only builders shared by the documents and search tests: products straight in the database (the
// products API has its own tests) and a minimal but real .docx made with fflate.
import { strToU8, zipSync } from 'fflate';
import type { TestContext } from '../../../test/harness.ts';
import { products } from '../../db/schema.ts';

export async function makeProduct(t: TestContext, sub: string, key: string, name: string): Promise<string> {
  const code = `${sub}-${key}`;
  await t.deps.db
    .insert(products)
    .values({ code, name, subsidiaryId: await t.subsidiary(sub), productType: 'web_app' });
  return code;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;

export type DocxBlock = { heading?: 1 | 2; text: string; bold?: string } | { table: string[][] };

/** A Word document with headings (built-in Heading1/2 style ids), paragraphs and a table. */
export function buildDocx(blocks: DocxBlock[]): Uint8Array {
  const body = blocks
    .map((b) => {
      if ('table' in b) {
        const rows = b.table.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`);
        return `<w:tbl>${rows.join('')}</w:tbl>`;
      }
      const style = b.heading ? `<w:pPr><w:pStyle w:val="Heading${b.heading}"/></w:pPr>` : '';
      return `<w:p>${style}${run(b.text)}${b.bold ? run(b.bold, true) : ''}</w:p>`;
    })
    .join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(doc),
  });
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
