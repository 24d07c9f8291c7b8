import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { buildDocx } from './test-fixtures.ts';
import { assertSafeDocx, looksLikeZip } from './zip-guard.ts';

function refusal(bytes: Uint8Array): string | null {
  try {
    assertSafeDocx(bytes);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    expect(err.status).toBe(400);
    expect(err.invalidParams[0]?.name).toBe('file');
    return err.code;
  }
}

/** Rewrites every size field of the (single) entry to `size`: a bomb that lies about how big it gets. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('assertSafeDocx', () => {
  it('accepts a small Word document', () => {
    expect(refusal(buildDocx([{ heading: 1, text: 'Hello' }]))).toBeNull();
  });

  it('refuses non-zips, truncated zips and zips without word/document.xml', () => {
    expect(looksLikeZip(strToU8('PK'))).toBe(false);
    expect(refusal(strToU8('%PDF-1.4 not a zip'))).toBe('not_a_docx');
    const docx = buildDocx([{ text: 'x' }]);
    expect(refusal(docx.subarray(0, docx.length - 30))).toBe('not_a_docx');
    expect(refusal(zipSync({ 'a.txt': strToU8('a') }))).toBe('not_a_docx');
  });

  it('refuses archives that declare more than 50 MB', () => {
    const big = zipSync({ 'word/document.xml': new Uint8Array(51 * 1024 * 1024) }, { level: 1 });
    expect(refusal(big)).toBe('zip_bomb');
  });

  it('refuses a compression ratio above 100:1 even under 50 MB', () => {
    const dense = zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(refusal(dense)).toBe('zip_bomb');
  });

  it('catches an entry that inflates beyond the size it declares', () => {
    const xml = strToU8(`<w:document>${'<w:p/>'.repeat(20_000)}</w:document>`);
    const honest = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': xml });
    expect(refusal(honest)).toBeNull();
    const liar = lieAboutSize(zipSync({ 'word/document.xml': xml }), 1000);
    expect(refusal(liar)).toBe('zip_bomb');
  });
});
