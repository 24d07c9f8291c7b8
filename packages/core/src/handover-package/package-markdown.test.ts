import { describe, expect, it } from 'vitest';
import { demoteHeadings } from './package-markdown.ts';

describe('demoteHeadings', () => {
  it('moves ATX headings down, caps at level 6 and leaves fenced code alone', () => {
    const body = [
      '# Runbook',
      '## Deploy',
      '###### Deep',
      '```',
      '# not a heading',
      '```',
      '#hashtag',
      '  # indented',
    ].join('\n');
    expect(demoteHeadings(body, 3).split('\n')).toEqual([
      '#### Runbook',
      '##### Deploy',
      '###### Deep',
      '```',
      '# not a heading',
      '```',
      '#hashtag',
      '  #### indented',
    ]);
  });

  it('keeps a fence of the other kind open until its own closing mark', () => {
    expect(demoteHeadings(['~~~', '```', '# inside', '~~~', '# out'].join('\n'), 1).split('\n').at(-1)).toBe('## out');
    expect(demoteHeadings(['~~~', '```', '# inside', '~~~'].join('\n'), 1)).toContain('\n# inside');
  });
});
