// Normalising document bodies so equal text hashes equally whatever editor or OS produced it.

/** Upper bound on a stored body; a bigger text is refused rather than truncated. */
export const MAX_BODY_CHARS = 5_000_000;

/** Drops a leading byte-order mark and turns CRLF / lone CR line endings into LF. */
export function normalizeBody(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The first level-one ATX heading (`# Title`), outside fenced code blocks. */
export function firstHeading(markdown: string): string | null {
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f?.[1]) {
      if (!fence) fence = f[1][0] ?? null;
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    const h = /^\s{0,3}#\s+(.+?)\s*#*\s*$/.exec(line);
    if (h?.[1]) return h[1].trim();
  }
  return null;
}
