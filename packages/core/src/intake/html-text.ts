// Teams message bodies are HTML fragments; feedback needs their text. Line-level tags become line breaks, mentions
// keep their "@", links keep their address, attachments leave a short placeholder, everything else is dropped and
// entities are decoded last (so "&lt;b&gt;" stays the text "<b>").

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
  laquo: '«',
  raquo: '»',
  times: '×',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Surrogates and out-of-range numbers are not characters: replaced rather than passed through.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0)
        return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** `attachmentName(id)` names an `<attachment id="…">` placeholder; unnamed ones are dropped. */
export function htmlToText(html: string, attachmentName: (id: string) => string | undefined = () => undefined): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<attachment\b[^>]*\bid="([^"]*)"[^>]*>(?:\s*<\/attachment>)?/gi, (_, id: string) => {
      const name = attachmentName(id);
      return name ? `[attachment: ${name}]` : '';
    })
    .replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, (_, name: string) => `@${name.replace(/^@/, '')}`)
    .replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => {
      const shown = label.replace(/<[^>]*>/g, '').trim();
      return shown === '' || shown === href || decodeEntities(shown) === decodeEntities(href)
        ? href
        : `${shown} (${href})`;
    })
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(?:p|div|ul|ol|h[1-6]|tr|blockquote|pre|table)\s*>/gi, '\n')
    .replace(/<(?:p|div|h[1-6]|tr|blockquote|pre|table|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
