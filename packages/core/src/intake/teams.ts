// Microsoft Teams chat and channel messages in the Microsoft Graph `chatMessage` shape: a page
// (`{"value":[…]}`), several pages in an array, or a bare array of messages. Kept: `messageType` "message" from a
// person (`from.user`), not deleted; HTML bodies become text (html-text.ts); a channel post's subject is folded in.
import { assertWellFormed } from './bytes.ts';
import { IntakeError } from './errors.ts';
import { htmlToText } from './html-text.ts';
import { type IntakeItem, type IntakeResult, noneDropped } from './types.ts';

type GraphMessage = {
  id?: unknown;
  createdDateTime?: unknown;
  messageType?: unknown;
  deletedDateTime?: unknown;
  lastEditedDateTime?: unknown;
  replyToId?: unknown;
  subject?: unknown;
  from?: { user?: { displayName?: unknown } | null; application?: unknown } | null;
  body?: { contentType?: unknown; content?: unknown } | null;
  attachments?: unknown;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A chatMessage has an id, a creation time and a body or a message type: enough to tell it from other chat JSON. */
export function looksLikeChatMessage(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.createdDateTime === 'string' &&
    (isObject(v.body) || typeof v.messageType === 'string') &&
    ('from' in v || 'messageType' in v)
  );
}

/** The messages of a Graph page, a list of pages or a bare array; undefined when the JSON is none of these. */
export function teamsMessages(json: unknown): unknown[] | undefined {
  const pages =
    Array.isArray(json) && json.length > 0 && json.every((p) => isObject(p) && Array.isArray(p.value)) ? json : [json];
  const messages: unknown[] = [];
  for (const page of pages) {
    // A loop, not push(...page): spreading 100,000+ arguments overflows the stack.
    const list = Array.isArray(page) ? page : isObject(page) && Array.isArray(page.value) ? page.value : undefined;
    if (list === undefined) return undefined;
    for (const m of list) messages.push(m);
  }
  if (messages.length === 0) return isObject(json) && '@odata.context' in json ? [] : undefined;
  return messages.some(looksLikeChatMessage) ? messages : undefined;
}

export function parseTeams(json: unknown): IntakeResult {
  const messages = teamsMessages(json);
  if (messages === undefined) {
    throw new IntakeError('wrong_source', 'the JSON holds no Teams messages (Microsoft Graph chatMessage objects)');
  }
  const dropped = noneDropped();
  const kept: { item: IntakeItem; order: number }[] = [];
  messages.forEach((raw, order) => {
    if (!looksLikeChatMessage(raw)) {
      dropped.system++;
      return;
    }
    const m = raw as GraphMessage;
    const where = `message ${typeof m.id === 'string' ? m.id : `#${order + 1}`}`;
    if ((m.messageType ?? 'message') !== 'message') {
      dropped.system++;
      return;
    }
    if (m.deletedDateTime) {
      dropped.deleted++;
      return;
    }
    if (!isObject(m.from?.user)) {
      dropped[m.from?.application ? 'bots' : 'system']++;
      return;
    }
    const created = Date.parse(m.createdDateTime as string);
    if (Number.isNaN(created)) throw new IntakeError('bad_json', `${where} has an unreadable createdDateTime`);
    const names = attachmentNames(m.attachments);
    const content = typeof m.body?.content === 'string' ? m.body.content : '';
    const body = m.body?.contentType === 'text' ? content.trim() : htmlToText(content, (id) => names.get(id));
    const subject = typeof m.subject === 'string' && m.subject.trim() !== '' ? m.subject.trim() : '';
    const text = [subject, body].filter((t) => t !== '').join('\n');
    if (text === '') {
      dropped.media++;
      return;
    }
    const name = m.from.user.displayName;
    const item: IntakeItem = {
      author: typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Unknown user',
      timestamp: new Date(created).toISOString(),
      text,
    };
    if (typeof m.id === 'string') item.messageId = m.id;
    if (typeof m.replyToId === 'string') item.replyTo = m.replyToId;
    if (m.lastEditedDateTime) item.edited = true;
    assertWellFormed(item.author, where);
    assertWellFormed(item.text, where);
    kept.push({ item, order });
  });
  // Graph lists newest-modified first; items go oldest first, ties in file order.
  kept.sort((a, b) => a.item.timestamp.localeCompare(b.item.timestamp) || a.order - b.order);
  return { source: 'teams', items: kept.map((k) => k.item), dropped };
}

function attachmentNames(attachments: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(attachments)) return names;
  for (const a of attachments) {
    if (isObject(a) && typeof a.id === 'string' && typeof a.name === 'string' && a.name.trim() !== '') {
      names.set(a.id, a.name.trim());
    }
  }
  return names;
}
