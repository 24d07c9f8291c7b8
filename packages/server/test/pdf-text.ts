// Reading back the text a PDF of ours draws (pdfkit: FlateDecode content streams, hex strings in TJ arrays), so tests
// can check what a PDF says without a PDF library.
import { inflateSync } from 'node:zlib';

/** The text a PDF draws: every FlateDecode content stream inflated, the hex strings of its TJ arrays decoded. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const out: string[] = [];
  // Each stream's bytes are taken by the /Length of its dictionary: the compressed bytes may end in \r (or hold
  // anything), so cutting at "endstream" lost the last byte of about one stream in 256 and the test saw no text.
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, start + Number(m[1])), 'latin1')).toString('latin1');
    } catch {
      continue; // not a content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      out.push(
        [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      );
    }
  }
  return out.join('\n');
}
