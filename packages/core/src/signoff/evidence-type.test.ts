import { describe, expect, it } from 'vitest';
import { sniffEvidence } from './evidence-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

describe('sniffEvidence', () => {
  it('knows PDF, PNG, JPEG and UTF-8 text by their bytes', () => {
    expect(sniffEvidence(bytes('%PDF-1.7\n1 0 obj\n%%EOF\n'))).toBe('application/pdf');
    expect(sniffEvidence(bytes(PNG, 'IHDR', [0, 1, 2]))).toBe('image/png');
    expect(sniffEvidence(bytes([0xff, 0xd8, 0xff, 0xe0, 1, 2, 0xff, 0xd9]))).toBe('image/jpeg');
    expect(sniffEvidence(bytes('Signed in the meeting of 3 March — مرحبا 👍\r\n\tOK\f'))).toBe('text/plain');
  });

  it('refuses disguised and broken files', () => {
    expect(sniffEvidence(bytes('%PDF-1.7 but cut short'))).toBeNull();
    expect(sniffEvidence(bytes(PNG, 'XXXX'))).toBeNull();
    expect(sniffEvidence(bytes([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toBeNull();
    expect(sniffEvidence(bytes('GIF89a', [0, 1, 0]))).toBeNull(); // an image named .txt
    expect(sniffEvidence(bytes('text with NUL', [0]))).toBeNull();
    expect(sniffEvidence(bytes([0xc3, 0x28]))).toBeNull(); // not UTF-8
    expect(sniffEvidence(bytes('  \n'))).toBeNull();
    expect(sniffEvidence(new Uint8Array())).toBeNull();
  });
});
