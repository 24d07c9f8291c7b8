// Document and template versions are `major.minor` ("1.3"); the first version is 1.0.

export type Version = { major: number; minor: number };
export const BUMPS = ['minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

export const FIRST_VERSION: Version = { major: 1, minor: 0 };

const VERSION_RE = /^v?(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/** Accepts `1.3` and `v1.3`; anything else (1, 1.3.0, 01.2, 1.-1) is null. */
export function parseVersion(text: string): Version | null {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}`;
}

/** A major bump resets minor: 1.3 → 2.0; a minor bump: 1.3 → 1.4. */
export function bumpVersion(v: Version, bump: Bump): Version {
  return bump === 'major' ? { major: v.major + 1, minor: 0 } : { major: v.major, minor: v.minor + 1 };
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor;
}
