// detectSource for `--source auto`, and every hostile input refused with a typed error of one readable line:
// other chat apps, images named .txt, binaries, UTF-16 (decoded, not refused), lone surrogates, empty files.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IntakeError, type IntakeErrorCode } from './errors.ts';
import { detectSource, parseExport } from './parse.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const WHATSAPP = '05/11/2026, 09:02 - Omar Haddad: Card declined at checkout\n05/11/2026, 09:03 - Leila: Same 🙁\n';
const TEAMS = JSON.stringify([
  {
    id: '1',
    messageType: 'message',
    createdDateTime: '2025-12-01T10:00:00Z',
    from: { user: { displayName: 'Ana' } },
    body: { contentType: 'text', content: 'hi' },
  },
]);
const SLACK = zipSync({ 'users.json': strToU8('[]'), 'general/2026-12-01.json': strToU8('[]') });
const TELEGRAM = JSON.stringify({
  name: 'Payout pilot',
  type: 'private_group',
  id: 4711,
  messages: [{ id: 1, type: 'message', date: '2026-11-05T09:02:00', from: 'Omar', text: 'Card declined' }],
});

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const code = text.charCodeAt(i);
    out[order === 'le' ? at : at + 1] = code & 0xff;
    out[order === 'le' ? at + 1 : at] = code >> 8;
  }
  return out;
}

function refusal(fn: () => unknown): IntakeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IntakeError);
    expect((err as Error).message).not.toContain('\n');
    return err as IntakeError;
  }
  throw new Error('expected an IntakeError');
}

describe('detectSource', () => {
  it('tells the three exports apart by content', () => {
    expect(detectSource(utf8(WHATSAPP))).toBe('whatsapp');
    expect(detectSource(utf8(`\u200e[11/5/26, 9:02:10 AM] Ana: hi`))).toBe('whatsapp');
    expect(detectSource(utf8(TEAMS))).toBe('teams');
    expect(detectSource(SLACK)).toBe('slack');
    expect(
      detectSource(zipSync({ 'WhatsApp Chat with Ana.txt': strToU8(WHATSAPP), 'IMG-1.jpg': new Uint8Array(3) })),
    ).toBe('whatsapp');
  });

  it('says "not a WhatsApp, Slack or Teams export" for anything else', () => {
    for (const text of ['just some notes\nabout payouts', '{"hello": "world"}', TELEGRAM]) {
      const error = refusal(() => detectSource(utf8(text)));
      expect(error.code).toBe('not_chat_export');
      expect(error.message).toMatch(/^not a WhatsApp, Slack or Teams export: /);
    }
    expect(refusal(() => detectSource(utf8(TELEGRAM))).message).toContain('Telegram');
  });
});

describe('hostile input', () => {
  it('refuses each with a typed error and one line', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const cases: [string, Uint8Array, IntakeErrorCode, RegExp][] = [
      ['empty', new Uint8Array(0), 'empty', /^the file is empty$/],
      ['white space', utf8(' \n\n'), 'empty', /white space/],
      ['PNG named .txt', png, 'binary', /^the file is a PNG image, not a chat export$/],
      ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'binary', /JPEG image/],
      ['NUL bytes', utf8('05/11/2026, 09:02 - Ana: a\u0000b'), 'binary', /NUL byte/],
      ['invalid UTF-8', new Uint8Array([0x30, 0x35, 0xc3, 0x28, 0x0a]), 'encoding', /not valid UTF-8/],
      ['Telegram JSON', utf8(TELEGRAM), 'not_chat_export', /Telegram/],
      ['truncated JSON', utf8(TEAMS.slice(0, 40)), 'bad_json', /not valid JSON/],
      ['truncated zip', SLACK.subarray(0, SLACK.length - 30), 'corrupt_zip', /damaged or truncated/],
      [
        'lone surrogate in JSON',
        utf8(TEAMS.replace('"hi"', '"hi \\ud800 there"')),
        'encoding',
        /^message 1 holds a lone surrogate \(\\ud800\)/,
      ],
    ];
    for (const [name, bytes, code, message] of cases) {
      const error = refusal(() => parseExport(bytes));
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(message);
    }
  });

  it('decodes UTF-16 exports (LE and BE, with a BOM or without) instead of refusing them', () => {
    for (const bytes of [
      utf16(WHATSAPP, 'le'),
      utf16(WHATSAPP, 'be'),
      utf16(WHATSAPP, 'le', false),
      utf16(WHATSAPP, 'be', false),
    ]) {
      const result = parseExport(bytes);
      expect(result.items.map((i) => i.text)).toEqual(['Card declined at checkout', 'Same 🙁']);
    }
    const broken = utf16(WHATSAPP, 'le').subarray(0, 21);
    expect(refusal(() => parseExport(broken)).code).toBe('encoding');
    const loneSurrogate = utf16(`${WHATSAPP}05/11/2026, 09:04 - Ana: \ud800\n`, 'le');
    expect(refusal(() => parseExport(loneSurrogate)).message).toBe(
      'the file is not valid UTF-16 text (save the export as UTF-8)',
    );
  });

  it('names the export found when --source names another, and refuses a source that is not there', () => {
    expect(refusal(() => parseExport(SLACK, { source: 'teams' })).message).toBe(
      'this is a Slack export, not a Teams one',
    );
    expect(refusal(() => parseExport(utf8(TELEGRAM), { source: 'whatsapp' })).message).toMatch(
      /^no WhatsApp message lines found/,
    );
    expect(refusal(() => parseExport(utf8('hello'), { source: 'slack' })).message).toMatch(/is a zip archive/);
    expect(refusal(() => parseExport(utf8('{"value": [1]}'), { source: 'teams' })).message).toMatch(
      /holds no Teams messages/,
    );
  });
});

describe('iOS exports that start with a bracket (calibration on public exports, defect D1)', () => {
  it('are WhatsApp, not damaged JSON, with or without --source', () => {
    const bytes = new TextEncoder().encode('[11/13/26, 9:02:10 AM] Anna: the card is declined\n');
    expect(detectSource(bytes)).toBe('whatsapp');
    for (const source of ['auto', 'whatsapp'] as const) {
      expect(parseExport(bytes, { source }).items).toEqual([
        expect.objectContaining({
          author: 'Anna',
          timestamp: '2026-11-13T09:02:10.000Z',
          text: 'the card is declined',
        }),
      ]);
    }
  });
});
