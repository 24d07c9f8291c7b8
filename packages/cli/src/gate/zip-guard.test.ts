import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from './docx-fixture.ts';
import { GateInputError } from './errors.ts';
import { checkDocxZip } from './zip-guard.ts';

const refuse = (data: Uint8Array) => {
  try {
    checkDocxZip(data, 'f.docx');
  } catch (err) {
    expect(err).toBeInstanceOf(GateInputError);
    return (err as Error).message;
  }
  throw new Error('expected the archive to be refused');
};

describe('checkDocxZip', () => {
  it('accepts a normal .docx', () => {
    expect(() => checkDocxZip(buildDocx([{ heading: 1, text: 'PRD' }, { text: 'Hello' }]), 'f.docx')).not.toThrow();
  });

  it('refuses non-zip data, zips that are not Word documents and damaged archives', () => {
    expect(refuse(strToU8('# markdown'))).toBe('f.docx is not a .docx file (not a zip archive)');
    expect(refuse(zipSync({ 'a.txt': strToU8('hi') }))).toBe(
      'f.docx is not a Word document (word/document.xml is missing)',
    );
    const truncated = buildDocx([{ text: 'x' }]).slice(0, 60);
    expect(refuse(truncated)).toMatch(/not a readable \.docx/);
  });

  it('refuses a highly compressed entry (classic zip bomb)', () => {
    const bomb = buildDocx([{ text: 'x' }], { 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) });
    expect(refuse(bomb)).toMatch(/looks like a zip bomb \(word\/media\/zeros\.bin is compressed \d+:1\)/);
  });

  it('refuses an entry whose directory under-states its size', () => {
    const data = buildDocx([{ text: 'x'.repeat(5000) }]);
    // Rewrite every central-directory "uncompressed size" of word/document.xml to 10 bytes.
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i + 46 < data.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(data.subarray(i + 46, i + 46 + nameLength));
      if (name === 'word/document.xml') view.setUint32(i + 24, 10, true);
    }
    expect(refuse(data)).toMatch(/word\/document\.xml expands beyond its declared size/);
  });
});
