import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from './phrases.ts';

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher({
    weak: ['should be able to', 'be able to', 'may'],
    vague: ['user-friendly', 'fast'],
    open: ['and/or', 'etc.'],
    placeholders: ['TBD', '???'],
  });
  const hits = (text: string) => m.hits(text).map((h) => `${h.list}:${h.text}@${h.start}`);

  it('matches whole words case-insensitively, longest phrase first', () => {
    expect(hits('Users Should be able to pay; admins be able to refund.')).toEqual([
      'weak:Should be able to@6',
      'weak:be able to@36',
    ]);
    expect(hits('faster and breakfast are not fast-ish? FAST is.')).toEqual(['vague:fast@29', 'vague:FAST@39']);
  });

  it('treats hyphens and spaces alike and honours separators written in the entry', () => {
    expect(hits('a user friendly and a user-friendly page')).toEqual([
      'vague:user friendly@2',
      'vague:user-friendly@22',
    ]);
    expect(hits('cards and/or cash, etc.')).toEqual(['open:and/or@6', 'open:etc@19']);
  });

  it('finds literal entries and reports token counts', () => {
    expect(hits('Owner: TBD ??? tbd')).toEqual(['placeholders:TBD@7', 'placeholders:tbd@15', 'placeholders:???@11']);
    expect(m.scan('one two three').tokens).toBe(3);
  });

  it('blanks hits without moving offsets and lists overlapping phrases with all()', () => {
    expect(m.blank('pay TBD now')).toBe('pay     now');
    expect(m.all('should be able to').map((h) => h.text)).toEqual(['should be able to', 'be able to']);
  });
});
