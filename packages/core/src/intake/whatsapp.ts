// WhatsApp "Export chat" text (Android and iOS layouts, any date order, 12- or 24-hour clocks). The line grammar,
// the joining of continuation lines and the day/month inference are whatsapp-chat-parser's (ADR 0018); around it:
// - before: nothing but decoding (bytes.ts) — the library itself accepts the U+200E marks iOS puts at line starts;
// - after: line numbers, zone-free timestamps, system lines (Android: no author; iOS: attributed to a person or the
//   group, recognised by the U+200E iOS puts before the text and by their wording), media placeholders, deleted and
//   edited markers, U+200E stripped everywhere, authors whose names contain ": ", trailing newlines.
import { parseString } from 'whatsapp-chat-parser';
import { assertWellFormed, hasLoneSurrogate } from './bytes.ts';
import { IntakeError } from './errors.ts';
import { type IntakeItem, type IntakeResult, noneDropped } from './types.ts';

export type WhatsAppOptions = {
  /** Force the date order instead of inferring it from the whole file (true: 05/11 is 5 November). */
  daysFirst?: boolean;
  /** Known author names that contain ": " (the export cannot tell them from text); see fixColonNames. */
  authors?: readonly string[];
  /** The file inside a zip this text came from, kept as provenance. */
  file?: string;
};

const LRM = /\u200e/g;
const LINE_BREAK = /\r\n|\r|\n/;

// What a message line starts with (the library's grammar, without the author): detectSource recognises an export
// by it. DATE_PART and TIME_PART read the time of day back from a message's own line (utcTimestamp).
export const WHATSAPP_LINE =
  /^[\u200e\u200f]*\[?\d{1,4}[-/.]\s?\d{1,4}[-/.]\s?\d{1,4}[,.]?\s\D*?\d{1,2}[.:]\d{1,2}(?:[.:]\d{1,2})?(?:\s?[ap]\.?\s?m\.?)?\]?(?:\s-|:)?\s/i;
const DATE_PART = /^[\u200e\u200f]*\[?\d{1,4}[-/.]\s?\d{1,4}[-/.]\s?\d{1,4}/;
const TIME_PART = /(\d{1,2})[.:](\d{1,2})(?:[.:](\d{1,2}))?(?:\s?([ap])\.?\s?m\.?)?/gi;

const DELETED = /^(?:this message was deleted|you deleted this message)\.?$/i;
const EDITED = /\s*<this message was edited>$/i;
// One line each: Android `<Media omitted>`, iOS `image omitted` / `file.pdf • 3 pages document omitted`, and the
// attachment lines of exports with media (`<attached: …>`, `name.jpg (file attached)`).
const MEDIA_LINE =
  /^(?:<media omitted>|<attached: [^>]+>|[\w-]+\.\w+ \([\p{L} ]{3,30}\)|null)$|\b(?:image|video|audio|sticker|gif|document|contact card|voice message) omitted$/iu;
// System texts that no person writes that way, whoever the export attributes them to.
const SYSTEM_TEXT = [
  /^messages and calls are end-to-end encrypted\b/i,
  /^messages to this (?:group|chat) are now secured with end-to-end encryption\b/i,
  /\bjoined using this group's invite link$/i,
  /^your security code with .+ changed\b/i,
  /\bcreated group ["“].*["”]$/i,
  /^you're now an admin$/i,
  /^this (?:chat|group) is with a business\b/i,
  /^disappearing messages (?:were|are) turned (?:on|off)\b/i,
  // iOS attributes these to the group: "[…] Payout pilot: Boris added you".
  /^[^\n]{1,80}? (?:added|removed) you$/i,
  /^[^\n]{1,80}? (?:changed this group's (?:icon|settings)|changed the group description|deleted this group's icon)\b[^\n]*$/i,
];
// System lines holding ": " inside quotes, which the library splits into a made-up author and a text: read whole.
const SPLIT_SYSTEM_TEXT =
  /^[^\n]{1,80}? (?:changed the (?:subject|group name) (?:from|to) ["“]|created group ["“])[^\n]*["”]$/;
// Cheap tests first (most messages are neither): a media line holds one of these, a system text one of those words.
const MAYBE_MEDIA = /omitted|<|\(|null/i;
const MAYBE_SYSTEM =
  /encrypt|invite link|security code|group|admin|business|disappearing|added|removed|changed|deleted/i;

// System texts that a person could also write, counted only when they start with the author or "You".
const ACTOR_TEXT =
  /^ (?:added .+|removed .+|left|changed the (?:subject|group name|group description) .*|changed this group's (?:icon|settings) ?.*|deleted this group's icon|changed their phone number .*|joined)$/i;

type Parsed = { date: Date; author: string | null; message: string };

export function parseWhatsApp(text: string, options: WhatsAppOptions = {}): IntakeResult {
  // Splitting at one character is several times faster than at the pattern; a file without \r gives the same lines.
  const lines = text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
  const messages = parseString(text, { daysFirst: options.daysFirst, parseAttachments: false }) as Parsed[];
  if (messages.length === 0) {
    throw new IntakeError(
      'wrong_source',
      'no WhatsApp message lines found (expected e.g. "05/11/2026, 09:02 - Name: text")',
    );
  }
  // The library drops only the lines before the first message and joins every later one to a message, so the
  // first message starts after those and each message spans 1 + its line breaks.
  const spans = new Int32Array(messages.length);
  let consumed = 0;
  for (let k = 0; k < messages.length; k++) {
    spans[k] = 1 + count((messages[k] as Parsed).message, '\n');
    consumed += spans[k] as number;
  }
  let line = lines.length - consumed + 1;

  const dropped = noneDropped();
  const items: IntakeItem[] = [];
  // A UTF-8 file decodes without lone surrogates; only a file that has one is checked item by item (to name it).
  const checkEach = hasLoneSurrogate(text);
  const timestamps = new TimestampReader();
  for (let k = 0; k < messages.length; k++) {
    const m = messages[k] as Parsed;
    const at = line;
    line += spans[k] as number;
    const classified = classify(m);
    if (classified.kind !== 'message') {
      dropped[classified.kind]++;
      continue;
    }
    const item: IntakeItem = {
      author: classified.author,
      timestamp: timestamps.read(m.date, lines[at - 1] ?? ''),
      text: classified.text,
      line: at,
    };
    if (options.file !== undefined) item.file = options.file;
    if (classified.edited) item.edited = true;
    if (checkEach) {
      assertWellFormed(item.author, `line ${at}`);
      assertWellFormed(item.text, `line ${at}`);
    }
    items.push(item);
  }
  fixColonNames(items, options.authors ?? []);
  return { source: 'whatsapp', items, dropped };
}

type Classified =
  | { kind: 'message'; text: string; author: string; edited: boolean }
  | { kind: 'system' | 'media' | 'deleted' };

function classify(m: Parsed): Classified {
  const original = m.message.trimEnd();
  const marked = original.startsWith('\u200e');
  let text = withoutLrm(original);
  if (m.author === null) return { kind: 'system' };
  if (DELETED.test(text.trim())) return { kind: 'deleted' };
  const edited = text.endsWith('>') && EDITED.test(text);
  if (edited) text = text.replace(EDITED, '');
  if (MAYBE_MEDIA.test(text)) {
    const kept = text.split('\n').filter((l) => !MEDIA_LINE.test(l.trim()));
    if (kept.join('').trim() === '') return { kind: 'media' };
    text = kept.join('\n');
  }
  text = text.trim();
  // Nothing left (an empty message, or only the edited marker): nothing anybody wrote, counted with the media.
  if (text === '') return { kind: 'media' };
  const author = withoutLrm(m.author).trim();
  if (marked) return { kind: 'system' };
  if (MAYBE_SYSTEM.test(text) || MAYBE_SYSTEM.test(author)) {
    if (SYSTEM_TEXT.some((p) => p.test(text))) return { kind: 'system' };
    if (SPLIT_SYSTEM_TEXT.test(text) || SPLIT_SYSTEM_TEXT.test(`${author}: ${text}`)) return { kind: 'system' };
  }
  for (const actor of [author, 'You']) {
    if (text.startsWith(actor) && ACTOR_TEXT.test(text.slice(actor.length))) return { kind: 'system' };
  }
  return { kind: 'message', text, author, edited };
}

/**
 * The file's wall-clock time read as UTC. The library builds its Date in the runtime's zone, so the date is read
 * back with local getters (the library's day/month decision is in it) and the time of day from the line itself:
 * a wall-clock time in a daylight-saving gap of the runtime's zone would otherwise move by an hour.
 * A 100,000-message export has a few hundred days: each day's "YYYY-MM-DDT" is made once.
 */
class TimestampReader {
  private readonly days = new Map<number, string>();

  read(date: Date, raw: string): string {
    let hours: number;
    let minutes: number;
    let seconds: number;
    let dayShift = 0;
    const head = DATE_PART.exec(raw);
    let time: RegExpExecArray | null = null;
    if (head) {
      // The first time after the date, as in raw.slice(head[0].length), without making that string.
      TIME_PART.lastIndex = head[0].length;
      time = TIME_PART.exec(raw);
    }
    if (time) {
      const written = Number(time[1]);
      const pm = time[4]?.toLowerCase() === 'p';
      if (time[4] && written > 12) {
        // A 24-hour time with a stray marker (`13:37:00 p.m.`): the hour stands, and the library, which added 12 h
        // to it, rolled its date over to the next day.
        hours = written % 24;
        if (pm) dayShift = -1;
      } else {
        hours = (written % (time[4] ? 12 : 24)) + (pm ? 12 : 0);
      }
      minutes = Number(time[2]);
      seconds = Number(time[3] ?? 0);
    } else {
      hours = date.getHours();
      minutes = date.getMinutes();
      seconds = date.getSeconds();
    }
    const year = date.getFullYear();
    const month = date.getMonth();
    const day = date.getDate() + dayShift;
    if (minutes < 60 && seconds < 60 && day >= 1 && year >= 1000 && year <= 9999) {
      const key = (year * 12 + month) * 32 + day;
      let prefix = this.days.get(key);
      if (prefix === undefined) {
        prefix = new Date(Date.UTC(year, month, day)).toISOString().slice(0, 11);
        this.days.set(key, prefix);
      }
      return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.000Z`;
    }
    return new Date(Date.UTC(year, month, day, hours, minutes, seconds)).toISOString();
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

// Words people start messages with ("Bug: checkout fails"), never read as the second half of a name.
const LABELS = new Set(
  `bug bugs note notes update edit re fw fwd fix issue question q idea feedback request fyi ps todo info warning
error problem feature suggestion reminder summary status result results answer reply quote link example
test tip important urgent`.split(/\s+/),
);

/**
 * "Dr. Who: PhD: it crashes" splits at the first ": " into author "Dr. Who" and text "PhD: it crashes". A name
 * given in `known` is re-joined exactly; without one, an author whose every message (two or more) starts with the
 * same short, capitalised "X: " that is not a label like "Bug" or "Update" is taken to be "author: X".
 */
function fixColonNames(items: IntakeItem[], known: readonly string[]): void {
  for (const name of [...known].sort((a, b) => b.length - a.length)) {
    for (const item of items) {
      const joined = `${item.author}: ${item.text}`;
      if (item.author !== name && name.startsWith(`${item.author}: `) && joined.startsWith(`${name}: `)) {
        item.author = name;
        item.text = joined.slice(name.length + 2);
      }
    }
  }
  const byAuthor = new Map<string, IntakeItem[]>();
  for (const item of items) {
    const own = byAuthor.get(item.author);
    if (own) own.push(item);
    else byAuthor.set(item.author, [item]);
  }
  for (const [author, own] of byAuthor) {
    if (own.length < 2 || known.includes(author)) continue;
    const prefix = /^([^\n:]{1,30}): /.exec(own[0]?.text ?? '')?.[1];
    if (prefix === undefined || prefix.split(' ').length > 3 || !/^[\p{Lu}\p{N}]/u.test(prefix)) continue;
    if (LABELS.has(prefix.toLowerCase())) continue;
    if (!own.every((i) => i.text.startsWith(`${prefix}: `) && i.text.length > prefix.length + 2)) continue;
    for (const item of own) {
      item.author = `${author}: ${prefix}`;
      item.text = item.text.slice(prefix.length + 2);
    }
  }
}

/** U+200E removed; the text itself when it has none (most have none, and the scan costs less than the pattern). */
function withoutLrm(text: string): string {
  return text.includes('\u200e') ? text.replace(LRM, '') : text;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
