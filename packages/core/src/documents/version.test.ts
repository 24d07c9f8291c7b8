import { describe, expect, it } from 'vitest';
import { bumpVersion, compareVersions, FIRST_VERSION, formatVersion, parseVersion } from './version.ts';

describe('document versions', () => {
  it('parses major.minor with an optional v', () => {
    expect(parseVersion('1.3')).toEqual({ major: 1, minor: 3 });
    expect(parseVersion('v2.0')).toEqual({ major: 2, minor: 0 });
    expect(parseVersion(' 10.12 ')).toEqual({ major: 10, minor: 12 });
  });

  it('rejects anything that is not major.minor', () => {
    for (const bad of ['1', '1.3.0', '01.2', '1.02', '-1.0', 'a.b', '', '1.', '.1', '1.0x']) {
      expect(parseVersion(bad), bad).toBeNull();
    }
  });

  it('formats and round-trips', () => {
    expect(formatVersion({ major: 1, minor: 3 })).toBe('1.3');
    expect(formatVersion(FIRST_VERSION)).toBe('1.0');
    expect(parseVersion(formatVersion({ major: 7, minor: 11 }))).toEqual({ major: 7, minor: 11 });
  });

  it('bumps minor and major (major resets minor)', () => {
    expect(bumpVersion({ major: 1, minor: 3 }, 'minor')).toEqual({ major: 1, minor: 4 });
    expect(bumpVersion({ major: 1, minor: 3 }, 'major')).toEqual({ major: 2, minor: 0 });
  });

  it('orders numerically, not as text', () => {
    expect(compareVersions({ major: 1, minor: 10 }, { major: 1, minor: 9 })).toBeGreaterThan(0);
    expect(compareVersions({ major: 1, minor: 9 }, { major: 2, minor: 0 })).toBeLessThan(0);
    expect(compareVersions({ major: 2, minor: 1 }, { major: 2, minor: 1 })).toBe(0);
  });
});
