import { describe, expect, it } from 'vitest';
import { packMediaType } from './api.ts';
import { maskedLine, versionLine } from './format.ts';

describe('pack words', () => {
  it('summarise a version, naming blockers only when there are any', () => {
    expect(versionLine({ version: 3, score: 82, blockers: 0 })).toBe('Version 3 · score 82');
    expect(versionLine({ version: 1, score: 90, blockers: 1 })).toBe('Version 1 · score 90 · 1 blocker');
    expect(versionLine({ version: 2, score: 40, blockers: 4 })).toBe('Version 2 · score 40 · 4 blockers');
  });

  it('name the masked lines, at most eight', () => {
    expect(maskedLine([])).toBe('');
    expect(maskedLine([7])).toBe('Secrets masked on line 7');
    expect(maskedLine([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('Secrets masked on lines 1, 2, 3, 4, 5, 6, 7, 8…');
  });

  it('send Markdown, text and Word files with their media type, and nothing else', () => {
    expect(packMediaType('Runbook.MD')).toBe('text/markdown');
    expect(packMediaType('notes.markdown')).toBe('text/markdown');
    expect(packMediaType('qa.txt')).toBe('text/plain');
    expect(packMediaType('security.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(packMediaType('photo.png')).toBeNull();
    expect(packMediaType('no-extension')).toBeNull();
  });
});
