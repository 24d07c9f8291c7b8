// Priorities as authors write them, in one vocabulary per scheme: MoSCoW (Must/Should/Could/Won't), P0–P3,
// High/Medium/Low. RFC 2119 keywords and field tables' Y/N were already read as MoSCoW by the extractor. The scheme
// the author chose is kept: mapping P1 onto "Should" would claim more than the document says.

export const PRIORITIES = [
  'Must',
  'Should',
  'Could',
  "Won't",
  'P0',
  'P1',
  'P2',
  'P3',
  'High',
  'Medium',
  'Low',
] as const;
export type Priority = (typeof PRIORITIES)[number];

const BY_WORD: Record<string, Priority> = {
  must: 'Must',
  required: 'Must',
  shall: 'Must',
  should: 'Should',
  recommended: 'Should',
  could: 'Could',
  may: 'Could',
  optional: 'Could',
  "won't": "Won't",
  wont: "Won't",
  p0: 'P0',
  p1: 'P1',
  p2: 'P2',
  p3: 'P3',
  p4: 'P3',
  critical: 'P0',
  highest: 'High',
  high: 'High',
  medium: 'Medium',
  med: 'Medium',
  low: 'Low',
  lowest: 'Low',
  // Tier headings ("Core features" / "Secondary features") rank like MoSCoW.
  core: 'Must',
  primary: 'Must',
  essential: 'Must',
  secondary: 'Should',
  'nice-to-have': 'Could',
  'nice to have': 'Could',
  stretch: 'Could',
};

/** "(Must)", "must-have", "P1", "priority: high", "MUST" → one of PRIORITIES; null when nothing is recognised. */
export function normalisePriority(raw: string | null | undefined): Priority | null {
  if (!raw) return null;
  const text = raw.toLowerCase().replace(/[^a-z0-9' -]/g, ' ');
  const direct = BY_WORD[text.trim()];
  if (direct) return direct;
  for (const word of text.split(/[\s-]+/)) {
    const hit = BY_WORD[word];
    if (hit) return hit;
  }
  for (const phrase of ['nice to have', 'nice-to-have']) if (text.includes(phrase)) return 'Could';
  return null;
}
