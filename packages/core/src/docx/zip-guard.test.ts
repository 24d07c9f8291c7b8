import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from './docx-fixture.ts';
import { assertDeclaredSafe, assertSafeDocx, DOCX_LIMITS, DocxRefusedError, looksLikeZip } from './zip-guard.ts';

function refusal(bytes: Uint8Array): DocxRefusedError | null {
  try {
    assertSafeDocx(bytes);
    return null;
  } catch (err) {
    if (!(err instanceof DocxRefusedError)) throw err;
    return err;
  }
}

const codeOf = (bytes: Uint8Array) => refusal(bytes)?.code ?? null;

/** Rewrites the uncompressed size of `name` (or of every entry) in the central directory and local headers. */
function lieAboutSize(zip: Uint8Array, size: number, name?: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameAt = (at: number, lengthAt: number) =>
    new TextDecoder().decode(out.subarray(at, at + view.getUint16(lengthAt, true)));
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50 && (!name || nameAt(i + 46, i + 28) === name)) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50 && (!name || nameAt(i + 30, i + 26) === name)) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('assertSafeDocx', () => {
  it('accepts a small Word document', () => {
    expect(refusal(buildDocx([{ heading: 1, text: 'PRD' }, { text: 'Hello' }]))).toBeNull();
  });

  it('refuses non-zips, zips that are not Word documents and damaged archives', () => {
    expect(looksLikeZip(strToU8('PK'))).toBe(false);
    expect(refusal(strToU8('%PDF-1.4 not a zip'))).toMatchObject({ code: 'not_zip', reason: 'not a zip archive' });
    expect(refusal(zipSync({ 'a.txt': strToU8('a') }))).toMatchObject({
      code: 'not_word',
      reason: 'word/document.xml is missing',
    });
    const docx = buildDocx([{ text: 'x' }]);
    expect(codeOf(docx.subarray(0, docx.length - 30))).toBe('unreadable');
    expect(codeOf(docx.slice(0, 60))).toBe('unreadable');
  });

  it('refuses archives that declare more than 50 MB', () => {
    const big = zipSync({ 'word/document.xml': new Uint8Array(51 * 1024 * 1024) }, { level: 1 });
    expect(refusal(big)?.reason).toMatch(/^it would expand to 51\.0 MB \(limit 50 MB\)$/);
  });

  it('refuses a compression ratio above 100:1 even under 50 MB', () => {
    const dense = zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(codeOf(dense)).toBe('zip_bomb');
  });

  it('names a highly compressed entry hidden in an honest document (classic zip bomb)', () => {
    const bomb = buildDocx([{ text: 'x' }], { 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) });
    const refused = refusal(bomb);
    expect(refused?.code).toBe('zip_bomb');
    expect(refused?.reason).toMatch(/^word\/media\/zeros\.bin is compressed \d+:1$/);
  });

  it('catches an entry that inflates beyond the size it declares', () => {
    const xml = strToU8(`<w:document>${'<w:p/>'.repeat(20_000)}</w:document>`);
    const honest = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': xml });
    expect(refusal(honest)).toBeNull();
    const liar = lieAboutSize(zipSync({ 'word/document.xml': xml }), 1000);
    expect(codeOf(liar)).toBe('zip_bomb');
    // One entry among honest ones under-states its size.
    const docx = buildDocx([{ text: 'x'.repeat(5000) }]);
    const underStated = refusal(lieAboutSize(docx, 10, 'word/document.xml'));
    expect(underStated).toMatchObject({
      code: 'zip_bomb',
      reason: 'word/document.xml expands beyond its declared size',
    });
  });

  it('refuses more XML than the body limit needs (issue #9: 50 MB of XML in an 8 MB file) from the directory', () => {
    // 9 MB of XML that compresses like text, so no zip-bomb rule applies; the limit is what refuses it.
    let seed = 1;
    const letters = Array.from({ length: 9 * 1024 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 97 + (seed % 26);
    });
    const docx = buildDocx([{ text: 'x' }], { 'word/document.xml': [new Uint8Array(letters), { level: 1 }] });
    let refused: unknown = null;
    try {
      assertDeclaredSafe(docx);
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'too_large', reason: 'its XML parts would expand to 9.0 MB (limit 8 MB)' });
    expect(DOCX_LIMITS.maxXmlBytes).toBe(8 * 1024 * 1024);
  });

  it('checks only the directory in assertDeclaredSafe; the inflating check catches a lying header', () => {
    const docx = buildDocx([{ text: 'x'.repeat(5000) }]);
    const liar = lieAboutSize(docx, 10, 'word/document.xml');
    expect(() => assertDeclaredSafe(liar)).not.toThrow();
    expect(refusal(liar)).toMatchObject({ code: 'zip_bomb' });
  });
});
