import { describe, expect, it } from 'vitest';
import { livePasswordError } from './password-feedback.ts';

describe('live password feedback', () => {
  it('says nothing for an empty field or an acceptable password', () => {
    expect(livePasswordError('', {})).toBeUndefined();
    expect(
      livePasswordError('correct-horse-battery', { email: 'ada@example.com', name: 'Ada Lovelace' }),
    ).toBeUndefined();
  });

  it('gives every reason the server would give, but the common-password list, as one sentence', () => {
    expect(livePasswordError('1111111111', {})).toBe(
      'Use at least 12 characters (now 10); repeats too few different characters; that is guessed first',
    );
    expect(livePasswordError('lovelace-engine-1843', { name: 'Ada Lovelace' })).toMatch(/^Contains “lovelace”/);
    expect(livePasswordError('correct-horse-battery', { current: 'correct-horse-battery' })).toBe(
      'Is the current password; choose a new one',
    );
  });
});
