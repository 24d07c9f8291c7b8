import { describe, expect, it } from 'vitest';
import { evidenceFileProblem, formatBytes } from './evidence-files.ts';

describe('evidence files before upload', () => {
  it('takes the kinds the server takes, by extension, any case', () => {
    for (const name of ['scan.PDF', 'shot.png', 'photo.jpeg', 'notes.md', 'log.txt', 'runbook.docx'])
      expect(evidenceFileProblem({ name, size: 10 }, 0)).toBeNull();
  });

  it('names the file and says why it cannot be evidence', () => {
    expect(evidenceFileProblem({ name: 'setup.exe', size: 10 }, 0)).toMatch(/^setup\.exe is not a file type/);
    expect(evidenceFileProblem({ name: 'README', size: 10 }, 0)).toMatch(/not a file type/);
    expect(evidenceFileProblem({ name: 'empty.pdf', size: 0 }, 0)).toBe('empty.pdf is empty.');
    expect(evidenceFileProblem({ name: 'big.pdf', size: 11 * 1024 * 1024 }, 0)).toBe(
      'big.pdf is 11.0 MB: evidence files are at most 10.0 MB.',
    );
    expect(evidenceFileProblem({ name: 'one-more.pdf', size: 10 }, 20)).toMatch(/at most 20 files/);
  });

  it('says sizes in words', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
