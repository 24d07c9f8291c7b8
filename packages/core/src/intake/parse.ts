// The one entry point: bytes of an export → items. `detectSource` decides what an export is for `--source auto`
// from its content, never from its file name: zip → Slack (or WhatsApp's "export with media", a zip holding the
// chat's .txt), JSON of chatMessage objects → Teams, WhatsApp's line pattern → WhatsApp; anything else is refused
// with "not a WhatsApp, Slack or Teams export", naming Telegram when it is a Telegram export.
import { assertReadable, decodeText, isZip } from './bytes.ts';
import { IntakeError, NOT_AN_EXPORT } from './errors.ts';
import { isSlackDayFile, parseSlack } from './slack.ts';
import { parseTeams, teamsMessages } from './teams.ts';
import type { IntakeResult, IntakeSource } from './types.ts';
import { parseWhatsApp, WHATSAPP_LINE, type WhatsAppOptions } from './whatsapp.ts';
import { listZip, readZipEntries } from './zip.ts';

export type ParseOptions = {
  source?: IntakeSource | 'auto';
  whatsapp?: Omit<WhatsAppOptions, 'file'>;
};

const LABEL: Record<IntakeSource, string> = { whatsapp: 'a WhatsApp', slack: 'a Slack', teams: 'a Teams' };

export function parseExport(bytes: Uint8Array, options: ParseOptions = {}): IntakeResult {
  const sniffed = sniff(bytes);
  const wanted = options.source ?? 'auto';
  if (sniffed.source === undefined) {
    // A named source that the content does not show: that source's own parser says what is missing.
    if (wanted === 'auto' || sniffed.error.code !== 'not_chat_export') throw sniffed.error;
  } else if (wanted !== 'auto' && wanted !== sniffed.source) {
    throw new IntakeError('wrong_source', `this is ${LABEL[sniffed.source]} export, not ${LABEL[wanted]} one`);
  }
  const source = wanted === 'auto' ? (sniffed.source as IntakeSource) : wanted;
  switch (source) {
    case 'slack':
      if (!isZip(bytes)) throw new IntakeError('wrong_source', 'a Slack export is a zip archive; this file is not one');
      return parseSlack(bytes);
    case 'teams':
      return parseTeams(sniffed.json ?? parseJson(sniffed.text ?? decodeText(bytes)));
    case 'whatsapp': {
      if (!isZip(bytes)) return parseWhatsApp(sniffed.text ?? decodeText(bytes), options.whatsapp);
      const file = whatsAppChatIn(listZip(bytes).map((e) => e.name));
      if (file === undefined) throw new IntakeError('wrong_source', 'the zip holds no WhatsApp chat (.txt)');
      const text = decodeText(readZipEntries(bytes, (n) => n === file).get(file) as Uint8Array);
      return parseWhatsApp(text, { ...options.whatsapp, file });
    }
  }
}

/** What kind of export `bytes` is; an IntakeError ("not a WhatsApp, Slack or Teams export", …) if none. */
export function detectSource(bytes: Uint8Array): IntakeSource {
  const sniffed = sniff(bytes);
  if (sniffed.source === undefined) throw sniffed.error;
  return sniffed.source;
}

type Sniffed =
  | { source: IntakeSource; text?: string; json?: unknown }
  | { source: undefined; error: IntakeError; text?: string; json?: unknown };

const notExport = (why: string) => new IntakeError('not_chat_export', `${NOT_AN_EXPORT}: ${why}`);

/** Reads as much as deciding needs, and keeps the decoded text and JSON so the parser does not do it again. */
function sniff(bytes: Uint8Array): Sniffed {
  assertReadable(bytes);
  if (isZip(bytes)) {
    const names = listZip(bytes).map((e) => e.name);
    if (names.some(isSlackDayFile)) return { source: 'slack' };
    if (whatsAppChatIn(names) !== undefined) return { source: 'whatsapp' };
    return { source: undefined, error: notExport('a zip without Slack channel folders or a WhatsApp chat') };
  }
  const text = decodeText(bytes);
  // WhatsApp lines first: an iOS export starts with `[` too (`[11/5/26, 9:02:10 AM] Anna: …`), and is no JSON.
  const lines = text.split(/\r\n|\r|\n/, 50);
  if (lines.some((l) => WHATSAPP_LINE.test(l))) return { source: 'whatsapp', text };
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = parseJson(text);
    if (teamsMessages(json) !== undefined) return { source: 'teams', text, json };
    const why = isTelegram(json) ? 'it is a Telegram export, which is not supported' : 'JSON without Teams messages';
    return { source: undefined, error: notExport(why), text, json };
  }
  return { source: undefined, error: notExport('no line looks like a WhatsApp message'), text };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new IntakeError('bad_json', 'the file is not valid JSON (truncated or damaged?)');
  }
}

/** Telegram Desktop's "Export chat history": {name, type, id, messages:[…]}, or {chats:{list:[…]}} for all chats. */
function isTelegram(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const j = json as Record<string, unknown>;
  return Array.isArray(j.messages) || Array.isArray((j.chats as { list?: unknown } | undefined)?.list);
}

/** The chat of a WhatsApp "export with media" zip: `_chat.txt` (iOS), `WhatsApp Chat with X.txt` (Android). */
function whatsAppChatIn(names: readonly string[]): string | undefined {
  const texts = names.filter((n) => /\.txt$/i.test(n) && !n.startsWith('__MACOSX/'));
  return (
    texts.find((n) => /(?:^|\/)_chat\.txt$/.test(n)) ??
    texts.find((n) => /whatsapp/i.test(n)) ??
    (texts.length === 1 ? texts[0] : undefined)
  );
}
