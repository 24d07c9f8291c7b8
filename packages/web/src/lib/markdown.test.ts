import { describe, expect, it } from 'vitest';
import { stripFrontMatter } from './markdown.ts';

describe('stripFrontMatter', () => {
  it('removes a leading YAML block and keeps the rest', () => {
    expect(stripFrontMatter('---\ntitle: "X"\nstatus: draft\n---\n# Heading\n\ntext\n')).toBe('# Heading\n\ntext\n');
  });
  it('accepts the ... terminator and CRLF line ends', () => {
    expect(stripFrontMatter('---\r\na: 1\r\n...\r\nbody')).toBe('body');
  });
  it('leaves a body without front matter, or with a rule later on, untouched', () => {
    expect(stripFrontMatter('# Title\n\n---\n\nmore')).toBe('# Title\n\n---\n\nmore');
    expect(stripFrontMatter('text\n---\na: 1\n---\n')).toBe('text\n---\na: 1\n---\n');
  });
  it('leaves an unterminated block alone', () => {
    expect(stripFrontMatter('---\na: 1\n# no end')).toBe('---\na: 1\n# no end');
  });
});
