import { describe, expect, it } from 'vitest';
import { firstHeading, normalizeBody } from './body.ts';

describe('body helpers', () => {
  it('normalises BOM and line endings', () => {
    expect(normalizeBody('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('finds the first H1 outside code fences', () => {
    expect(firstHeading('intro\n```\n# not this\n```\n## Sub\n# Real title #\n')).toBe('Real title');
    expect(firstHeading('## only h2\n')).toBeNull();
  });
});
