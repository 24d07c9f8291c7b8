// A Slack workspace export: a zip with users.json (ids → names) and one folder per channel of daily JSON arrays
// (`general/2026-12-01.json`). Kept: posts by people (no subtype, thread broadcasts, /me messages, legacy file
// shares with text); mrkdwn tokens resolved to readable text (<@U1> → @Name, <#C1|name> → #name, <url|label>
// → label (url)); ordered by `ts`, which is epoch seconds in UTC.
import { assertWellFormed, decodeText } from './bytes.ts';
import { IntakeError } from './errors.ts';
import { type IntakeItem, type IntakeResult, noneDropped } from './types.ts';
import { readZipEntries } from './zip.ts';

const DAY_FILE = /(?:^|\/)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const USERS_FILE = /(?:^|\/)(?:org_)?users\.json$/;
const KEPT_SUBTYPES = new Set([undefined, 'thread_broadcast', 'me_message', 'file_share']);
const BOT_SUBTYPES = new Set(['bot_message', 'bot_add', 'bot_remove']);

export const isSlackDayFile = (name: string) => DAY_FILE.test(name) && !name.startsWith('__MACOSX/');

type SlackUser = {
  id?: unknown;
  name?: unknown;
  real_name?: unknown;
  is_bot?: unknown;
  profile?: Record<string, unknown>;
};
type SlackMessage = {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  username?: unknown;
  user_profile?: Record<string, unknown>;
  ts?: unknown;
  thread_ts?: unknown;
  text?: unknown;
  edited?: unknown;
  files?: unknown;
  blocks?: unknown;
};

export function parseSlack(zip: Uint8Array): IntakeResult {
  return parseSlackFiles(readZipEntries(zip, isSlackFile), 'the zip');
}

/** The export's files that matter: the day files of the channel folders and users.json. */
export const isSlackFile = (name: string) => isSlackDayFile(name) || USERS_FILE.test(name);

/**
 * An export already unzipped (the CLI reads a folder): its files by path relative to the export's root, with `/` as
 * the separator; `where` names it in errors.
 */
export function parseSlackFiles(entries: ReadonlyMap<string, Uint8Array>, where = 'the folder'): IntakeResult {
  const days = [...entries.keys()].filter(isSlackDayFile).sort();
  if (days.length === 0) {
    throw new IntakeError('wrong_source', `${where} holds no Slack channel folders (channel/YYYY-MM-DD.json)`);
  }
  const { names, bots } = readUsers(entries);
  const dropped = noneDropped();
  const kept: { item: IntakeItem; seconds: number; micros: number; order: number }[] = [];
  for (const file of days) {
    const channel = DAY_FILE.exec(file)?.[1] ?? '';
    const messages = json(entries.get(file) as Uint8Array, file);
    if (!Array.isArray(messages)) throw new IntakeError('bad_json', `${file} is not a JSON array of messages`);
    for (const raw of messages) {
      if (typeof raw !== 'object' || raw === null) continue;
      const m = raw as SlackMessage;
      if (m.type !== undefined && m.type !== 'message') continue;
      const subtype = typeof m.subtype === 'string' ? m.subtype : undefined;
      if (subtype === 'tombstone' || subtype === 'message_deleted') {
        dropped.deleted++;
        continue;
      }
      // An app's post: a bot subtype, a bot_id with no person, or a person users.json marks as a bot.
      const botUser = typeof m.user === 'string' && bots.has(m.user);
      if (
        BOT_SUBTYPES.has(subtype ?? '') ||
        botUser ||
        (subtype === undefined && m.user === undefined && 'bot_id' in m)
      ) {
        dropped.bots++;
        continue;
      }
      if (!KEPT_SUBTYPES.has(subtype)) {
        dropped.system++;
        continue;
      }
      const ts = typeof m.ts === 'string' ? /^(\d+)(?:\.(\d{1,6}))?$/.exec(m.ts) : null;
      if (!ts) throw new IntakeError('bad_json', `${file} has a message without a readable "ts"`);
      const text = resolveMrkdwn(messageText(m), names);
      if (text === '') {
        dropped.media++;
        continue;
      }
      const seconds = Number(ts[1]);
      const micros = Number((ts[2] ?? '').padEnd(6, '0'));
      const item: IntakeItem = {
        author: authorOf(m, names),
        timestamp: new Date(seconds * 1000 + Math.floor(micros / 1000)).toISOString(),
        text,
        file,
        channel,
        messageId: m.ts as string,
      };
      if (typeof m.thread_ts === 'string' && m.thread_ts !== m.ts) item.replyTo = m.thread_ts;
      if (m.edited) item.edited = true;
      assertWellFormed(item.author, `${file}, message ${m.ts}`);
      assertWellFormed(item.text, `${file}, message ${m.ts}`);
      kept.push({ item, seconds, micros, order: kept.length });
    }
  }
  // Day files are cut in a zone Slack does not document: order by ts, ties (other channels) in file order.
  kept.sort((a, b) => a.seconds - b.seconds || a.micros - b.micros || a.order - b.order);
  return { source: 'slack', items: kept.map((k) => k.item), dropped };
}

function json(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(decodeText(bytes));
  } catch (err) {
    if (err instanceof IntakeError && err.code !== 'empty') throw new IntakeError(err.code, `${file}: ${err.message}`);
    if (err instanceof IntakeError) return [];
    throw new IntakeError('bad_json', `${file} is not valid JSON`);
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** users.json: each id's name, and the ids of bot users (`is_bot`). */
function readUsers(entries: ReadonlyMap<string, Uint8Array>): { names: Map<string, string>; bots: Set<string> } {
  const names = new Map<string, string>();
  const bots = new Set<string>();
  const files = [...entries.keys()].filter((n) => USERS_FILE.test(n)).sort((a, b) => a.length - b.length);
  for (const file of files) {
    const list = json(entries.get(file) as Uint8Array, file);
    if (!Array.isArray(list)) continue;
    for (const u of list as SlackUser[]) {
      const id = str(u?.id);
      const name = str(u?.real_name) ?? str(u?.profile?.real_name) ?? str(u?.profile?.display_name) ?? str(u?.name);
      if (id && name && !names.has(id)) names.set(id, name);
      if (id && u?.is_bot === true) bots.add(id);
    }
  }
  return { names, bots };
}

function authorOf(m: SlackMessage, names: Map<string, string>): string {
  const id = str(m.user);
  return (
    (id ? names.get(id) : undefined) ??
    str(m.user_profile?.real_name) ??
    str(m.user_profile?.display_name) ??
    str(m.username) ??
    id ??
    'Unknown user'
  );
}

/** `text`, or the text of its rich-text blocks when `text` is empty (Slack has been seen to leave it so). */
function messageText(m: SlackMessage): string {
  const text = typeof m.text === 'string' ? m.text : '';
  if (text.trim() !== '' || !Array.isArray(m.blocks)) return text;
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as Record<string, unknown>;
      if (n.type === 'text' && typeof n.text === 'string') parts.push(n.text);
      else if (n.type === 'user' && typeof n.user_id === 'string') parts.push(`<@${n.user_id}>`);
      else if (n.type === 'link' && typeof n.url === 'string') parts.push(typeof n.text === 'string' ? n.text : n.url);
      if (n.elements) walk(n.elements);
    }
  };
  walk(m.blocks);
  return parts.join('');
}

/** Angle-bracket tokens first, then the three entities Slack escapes (docs.slack.dev, formatting message text). */
export function resolveMrkdwn(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<([^<>]*)>/g, (whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
      if (target.startsWith('@')) return `@${label ?? names.get(target.slice(1)) ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!subteam^')) return label ?? '@group';
      if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return label && label !== target ? `${label} (${target})` : target;
      return whole;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
