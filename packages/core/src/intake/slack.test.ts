// A Slack workspace export built in the test with fflate: users.json, two channel folders of day files, joins,
// bots, threads, mentions, links and entities — and the damaged and hostile zips a parser must refuse.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IntakeError } from './errors.ts';
import { parseExport } from './parse.ts';
import { parseSlackFiles, resolveMrkdwn } from './slack.ts';
import { ZIP_LIMITS } from './zip.ts';

const json = (value: unknown) => strToU8(JSON.stringify(value));

function slackExport(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'users.json': json([
      { id: 'U1', name: 'leila', real_name: 'Leila Farouk', profile: { real_name: 'Leila Farouk' } },
      { id: 'U2', name: 'omar', profile: { real_name: 'Omar Haddad', display_name: 'omar' } },
    ]),
    'channels.json': json([{ id: 'C1', name: 'payouts' }]),
    'payouts/2026-12-01.json': json([
      {
        type: 'message',
        subtype: 'channel_join',
        user: 'U2',
        text: '<@U2> has joined the channel',
        ts: '1764578000.000100',
      },
      {
        type: 'message',
        user: 'U1',
        text: 'Payouts to <@U2> take 3 days &amp; the <https://status.example.com|status page> says nothing &lt;sigh&gt;',
        ts: '1764579600.000200',
        thread_ts: '1764579600.000200',
      },
      {
        type: 'message',
        user: 'U2',
        text: 'Same here, see <#C1|payouts>',
        ts: '1764579660.123456',
        thread_ts: '1764579600.000200',
      },
      {
        type: 'message',
        subtype: 'bot_message',
        bot_id: 'B1',
        username: 'deploybot',
        text: 'deployed',
        ts: '1764579700.000000',
      },
      { type: 'message', user: 'U2', text: '', files: [{ name: 'screenshot.png' }], ts: '1764579800.000000' },
    ]),
    'general/2026-11-30.json': json([
      {
        type: 'message',
        user: 'U9',
        user_profile: { real_name: 'Guest Person' },
        text: 'Hello <!here>',
        ts: '1764500000.5',
      },
      {
        type: 'message',
        user: 'U1',
        text: 'edited one',
        edited: { user: 'U1', ts: '1764500100.0' },
        ts: '1764500050.000000',
      },
    ]),
    'general/2026-12-02.json': json([]),
    ...extra,
  });
}

describe('Slack exports', () => {
  it('reads every channel, resolves names, mentions, links and entities, and orders by ts', () => {
    const result = parseExport(slackExport());
    expect(result.source).toBe('slack');
    expect(result.items).toEqual([
      {
        author: 'Guest Person',
        timestamp: '2025-11-30T10:53:20.500Z',
        text: 'Hello @here',
        file: 'general/2026-11-30.json',
        channel: 'general',
        messageId: '1764500000.5',
      },
      {
        author: 'Leila Farouk',
        timestamp: '2025-11-30T10:54:10.000Z',
        text: 'edited one',
        file: 'general/2026-11-30.json',
        channel: 'general',
        messageId: '1764500050.000000',
        edited: true,
      },
      {
        author: 'Leila Farouk',
        timestamp: '2025-12-01T09:00:00.000Z',
        text: 'Payouts to @Omar Haddad take 3 days & the status page (https://status.example.com) says nothing <sigh>',
        file: 'payouts/2026-12-01.json',
        channel: 'payouts',
        messageId: '1764579600.000200',
      },
      {
        author: 'Omar Haddad',
        timestamp: '2025-12-01T09:01:00.123Z',
        text: 'Same here, see #payouts',
        file: 'payouts/2026-12-01.json',
        channel: 'payouts',
        messageId: '1764579660.123456',
        replyTo: '1764579600.000200',
      },
    ]);
    expect(result.dropped).toEqual({ system: 1, media: 1, deleted: 0, bots: 1 });
  });

  it('reads an export re-zipped inside a top folder', () => {
    const inner = zipSync({
      'Acme Slack export/users.json': json([{ id: 'U1', real_name: 'Leila Farouk' }]),
      'Acme Slack export/payouts/2026-12-01.json': json([
        { type: 'message', user: 'U1', text: 'hi <@U1>', ts: '1764579600.0' },
      ]),
    });
    expect(parseExport(inner, { source: 'slack' }).items).toMatchObject([
      { author: 'Leila Farouk', text: 'hi @Leila Farouk' },
    ]);
  });

  it('turns mrkdwn tokens into readable text', () => {
    const names = new Map([['U1', 'Leila']]);
    expect(
      resolveMrkdwn(
        '<@U1> <@U7|sam> <!channel> <!subteam^S1|@ops> <mailto:a@b.c|a@b.c> <https://x.y> a &amp;&lt;',
        names,
      ),
    ).toBe('@Leila @sam @channel @ops a@b.c (mailto:a@b.c) https://x.y a &<');
  });

  it('refuses truncated and damaged zips, and entries that are not JSON, with one readable line', () => {
    const zip = slackExport();
    const cases: [Uint8Array, RegExp][] = [
      [zip.subarray(0, Math.floor(zip.length / 2)), /^the zip archive is damaged or truncated/],
      [zip.subarray(0, 10), /^the zip archive is damaged or truncated/],
      [
        slackExport({ 'payouts/2026-12-03.json': strToU8('[{"ts": ') }),
        /^payouts\/2026-12-03\.json is not valid JSON$/,
      ],
      [slackExport({ 'payouts/2026-12-03.json': json({ ok: true }) }), /is not a JSON array of messages/],
      [zipSync({ 'notes/readme.md': strToU8('# hi') }), /^not a WhatsApp, Slack or Teams export: a zip without/],
    ];
    for (const [bytes, message] of cases) {
      const error = catchError(() => parseExport(bytes));
      expect(error).toBeInstanceOf(IntakeError);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
    // Damage inside a compressed entry (its deflate data overwritten) is caught while inflating.
    const damaged = slackExport({
      'payouts/2026-12-04.json': json(Array.from({ length: 200 }, (_, i) => ({ ts: `${i}.0`, text: 'x'.repeat(50) }))),
    });
    const broken = damaged.slice();
    const at = findEntryData(broken, 'payouts/2026-12-04.json');
    broken.fill(0xff, at, at + 40);
    expect(() => parseExport(broken)).toThrow(/damaged or truncated|not valid JSON/);
  });

  it('refuses a zip bomb: an entry over the limit, whether declared or hidden behind a small declared size', () => {
    const big = new Uint8Array(ZIP_LIMITS.maxEntryBytes + 1).fill(0x20);
    const declared = zipSync({ 'users.json': json([]), 'payouts/2026-12-01.json': big }, { level: 9 });
    expect(() => parseExport(declared)).toThrow(/possible zip bomb/);
    // Same archive with the entry's declared size (central directory and local header) rewritten to 1 KB.
    const lying = declared.slice();
    rewriteSizes(lying, 'payouts/2026-12-01.json', 1024);
    expect(() => parseExport(lying)).toThrow(/possible zip bomb: payouts\/2026-12-01\.json expands beyond 64 MB/);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

const enc = (s: string) => new TextEncoder().encode(s);

function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Offset of the compressed data of `name` (after its local header). */
function findEntryData(zip: Uint8Array, name: string): number {
  const at = indexOf(zip, enc(name)) - 30;
  const view = new DataView(zip.buffer, zip.byteOffset);
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/** Sets the uncompressed size of `name` in its local header and central directory record. */
function rewriteSizes(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset);
  const local = indexOf(zip, enc(name)) - 30;
  view.setUint32(local + 22, size, true);
  const central = indexOf(zip, enc(name), local + 30 + name.length) - 46;
  view.setUint32(central + 24, size, true);
}

describe('Slack app posts (calibration on public exports, defect D2)', () => {
  it('drops a post by a user that users.json marks as a bot, even with no bot subtype', () => {
    const result = parseSlackFiles(
      new Map([
        [
          'users.json',
          json([
            { id: 'UB1', real_name: 'Deploy bot', is_bot: true },
            { id: 'U1', real_name: 'Leila' },
          ]),
        ],
        [
          'general/2026-12-01.json',
          json([
            { type: 'message', user: 'UB1', bot_id: 'B1', text: 'Build 42 deployed', ts: '1764579600.000100' },
            { type: 'message', user: 'U1', text: 'Refunds page is empty', ts: '1764579700.000100' },
          ]),
        ],
      ]),
    );
    expect(result.items.map((i) => i.author)).toEqual(['Leila']);
    expect(result.dropped.bots).toBe(1);
  });
});
