// Test-only inputs for the CPU-heavy paths (docs/decisions/0008-worker-pool-piscina.md): Word documents built
// with fflate that are expensive to convert, and long PRD bodies for diff and gate scoring. Deterministic (a
// seeded generator), so a failure reproduces.
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { strToU8 } from 'fflate';

function words(seed: number, size = 2000) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s;
  };
  // Made-up words: text that compresses like prose (a few to one), not like zeros.
  const vocabulary = Array.from({ length: size }, () =>
    Array.from({ length: 3 + (next() % 8) }, () => String.fromCharCode(97 + (next() % 26))).join(''),
  );
  return (n: number) => Array.from({ length: n }, () => vocabulary[next() % vocabulary.length]).join(' ');
}

const XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const XML_TAIL = '</w:body></w:document>';

function documentXml(bytes: number, paragraph: () => string): Uint8Array {
  const parts: string[] = [XML_HEAD];
  let size = XML_HEAD.length;
  while (size < bytes) {
    const p = paragraph();
    parts.push(p);
    size += p.length;
  }
  parts.push(XML_TAIL);
  return strToU8(parts.join(''));
}

const docxWith = (xml: Uint8Array) => buildDocx([{ text: 'x' }], { 'word/document.xml': [xml, { level: 6 }] });

/** `xmlBytes` of plain paragraphs of prose-like text: compresses a few to one, so no zip-bomb rule applies. */
export function plainDocx(xmlBytes: number): Uint8Array {
  const text = words(7, 256);
  return docxWith(documentXml(xmlBytes, () => `<w:p><w:r><w:t>${text(40)}</w:t></w:r></w:p>`));
}

/**
 * The file from issue #9: ~50 MB of plain paragraphs packed into 2 MB, within the old guard's 50 MB and 100:1
 * limits. Converted, it is ~35 MB of Markdown: 17 s of mammoth and 2.3 GB of memory on the event loop before
 * the body limit refused it.
 */
export const hostileDocx = () => plainDocx(48 * 1024 * 1024);

/**
 * A legal document that is expensive anyway: ~7 MB of XML (under the 8 MB limit) in Word's verbose run markup —
 * mostly formatted empty runs, as editors leave them — so it takes mammoth seconds but yields a body of some
 * 50 KB (storing a large body is database work, measured separately).
 */
export function heavyDocx(): Uint8Array {
  const text = words(11);
  const props =
    '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:color w:val="1F3864"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr>';
  let n = 0;
  // Revision ids differ from run to run, as in a document edited over many sessions.
  const rsid = () => ((n * 2654435761) >>> 0).toString(16).toUpperCase().padStart(8, '0');
  const run = () =>
    `<w:r w:rsidR="${rsid()}" w:rsidRPr="00D4E5F6">${props}<w:t xml:space="preserve">${n++ % 12 === 0 ? `${text(4)} ` : ''}</w:t></w:r>`;
  return docxWith(documentXml(7 * 1024 * 1024, () => `<w:p>${run()}${run()}${run()}</w:p>`));
}

/** A PRD-shaped Markdown body of about `chars` characters; a different `seed` gives different sentences. */
export function longPrd(chars: number, seed = 1): string {
  const text = words(seed);
  const lines = ['# Payouts PRD', '', '## Problem', ''];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const line =
      i % 40 === 0 ? `\n## Section ${i / 40}\n` : i % 3 === 0 ? `- FR-${i} (Must) ${text(10)}` : `${text(12)}.`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}
