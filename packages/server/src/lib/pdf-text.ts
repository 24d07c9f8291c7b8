// Text for pdfkit's standard fonts (Helvetica, Courier): they need no font file but hold only Windows-1252.
// The Windows-1252 characters beyond Latin-1 that the standard fonts carry.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

// Symbols common in specifications that have a readable ASCII spelling.
const SPELLED: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '−': '-',
};

/**
 * Text the standard fonts can draw: a few symbols spelled in ASCII (≥ as >=), other characters outside
 * Windows-1252 as "?", line breaks and tabs as spaces.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0) ?? 0;
    const spelled = SPELLED[ch];
    if (spelled !== undefined) out += spelled;
    else if (c === 9 || c === 10 || c === 13) out += ' ';
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}
