import { SIGNOFF_LIMITS } from '@pi-studio/core/contract/signoff';
import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, evidenceProblem, evidenceSizeProblem } from './evidence-check.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const PDF = bytes('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('evidenceProblem', () => {
  it('accepts PDF and plain text by their bytes', () => {
    expect(evidenceProblem('minutes.pdf', PDF)).toBeNull();
    expect(evidenceProblem('notes.txt', bytes('Signed in the meeting of 7 December.\n'))).toBeNull();
  });

  it('refuses a bare PDF header, binary junk and an empty file', () => {
    expect(evidenceProblem('fake.pdf', bytes('%PDF-'))).toBe('fake.pdf is not a PDF, PNG or JPEG file or plain text');
    expect(evidenceProblem('tool.exe', Uint8Array.from([0x4d, 0x5a, 0, 1, 2]))).toBe(
      'tool.exe is not a PDF, PNG or JPEG file or plain text',
    );
    expect(evidenceProblem('empty.txt', new Uint8Array(0))).toBe('empty.txt is empty');
  });
});

describe('evidenceSizeProblem', () => {
  it('lets exactly 10 MB through and refuses more', () => {
    expect(evidenceSizeProblem('a.pdf', SIGNOFF_LIMITS.evidenceBytes)).toBeNull();
    expect(evidenceSizeProblem('video.pdf', 200 * 1024 * 1024)).toBe(
      'video.pdf is too large (200.0 MB); evidence may be at most 10 MB',
    );
  });
});

describe('checkEvidenceFile', () => {
  it('refuses a huge file without reading it', async () => {
    const huge = { name: 'dump.txt', size: 200 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) };
    expect(await checkEvidenceFile(huge as unknown as File)).toBe(
      'dump.txt is too large (200.0 MB); evidence may be at most 10 MB',
    );
  });

  it('reads and checks a file of an allowed size', async () => {
    expect(await checkEvidenceFile(new File([PDF], 'minutes.pdf'))).toBeNull();
  });
});
