// WhatsApp exports written for these tests, one per layout the phones produce (docs/intake.md): Android 24-hour
// day-first, iOS 12-hour month-first with brackets and the U+200E marks, multi-line messages, system lines, media,
// names with colons, emoji and right-to-left text.
import { describe, expect, it } from 'vitest';
import { parseExport } from './parse.ts';
import { parseWhatsApp } from './whatsapp.ts';

const LRM = '\u200e';
const bytes = (text: string) => new TextEncoder().encode(text);

const ANDROID_24H_DAY_FIRST = [
  '05/11/2026, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  '05/11/2026, 09:01 - Leila Farouk created group "Payout pilot"',
  '05/11/2026, 09:01 - Leila Farouk added Omar Haddad',
  '05/11/2026, 09:02 - Omar Haddad: The checkout declines my debit card',
  'every time, since Monday.',
  '',
  'Screenshot follows.',
  '05/11/2026, 09:03 - Omar Haddad: <Media omitted>',
  "05/11/2026, 09:04 - Karim joined using this group's invite link",
  '14/11/2026, 18:30 - Leila Farouk: This message was deleted',
  '14/11/2026, 18:31 - Karim: المدفوعات تصل متأخرة 😕 <This message was edited>',
  '14/11/2026, 23:59 - Karim: Refund 12:30 shows: pending',
  '',
].join('\n');

const IOS_12H_MONTH_FIRST = [
  `${LRM}[11/5/26, 9:02:10 AM] Payout pilot: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
  `${LRM}[11/5/26, 9:02:11 AM] Payout pilot: ${LRM}Leila Farouk added you`,
  '[11/5/26, 12:05:00 PM] Leila Farouk: Payouts arrive late 🙁',
  `${LRM}[11/5/26, 12:06:00 PM] Leila Farouk: ${LRM}image omitted`,
  `${LRM}[11/13/26, 12:15:30 AM] Omar Haddad: ${LRM}<attached: 00000012-PHOTO-2026-11-13-00-15-30.jpg>`,
  '[11/13/26, 1:00:00\u202fPM] Omar Haddad: It says “card declined” 👎🏽',
  'on the second try too',
  `[11/13/26, 1:01:00 PM] Omar Haddad: fixed now ${LRM}<This message was edited>`,
].join('\r\n');

describe('WhatsApp exports', () => {
  it('reads Android, 24-hour, day-first: multi-line messages, system lines, media and deleted messages dropped', () => {
    const result = parseExport(bytes(ANDROID_24H_DAY_FIRST));
    expect(result.source).toBe('whatsapp');
    expect(result.items).toEqual([
      {
        author: 'Omar Haddad',
        timestamp: '2026-11-05T09:02:00.000Z',
        text: 'The checkout declines my debit card\nevery time, since Monday.\n\nScreenshot follows.',
        line: 4,
      },
      {
        author: 'Karim',
        timestamp: '2026-11-14T18:31:00.000Z',
        text: 'المدفوعات تصل متأخرة 😕',
        line: 11,
        edited: true,
      },
      { author: 'Karim', timestamp: '2026-11-14T23:59:00.000Z', text: 'Refund 12:30 shows: pending', line: 12 },
    ]);
    expect(result.dropped).toEqual({ system: 4, media: 1, deleted: 1, bots: 0 });
  });

  it('reads iOS, 12-hour, month-first with brackets, seconds, U+200E marks and U+202F before PM', () => {
    const result = parseExport(bytes(IOS_12H_MONTH_FIRST));
    expect(result.items).toEqual([
      { author: 'Leila Farouk', timestamp: '2026-11-05T12:05:00.000Z', text: 'Payouts arrive late 🙁', line: 3 },
      {
        author: 'Omar Haddad',
        timestamp: '2026-11-13T13:00:00.000Z',
        text: 'It says “card declined” 👎🏽\non the second try too',
        line: 6,
      },
      { author: 'Omar Haddad', timestamp: '2026-11-13T13:01:00.000Z', text: 'fixed now', line: 8, edited: true },
    ]);
    expect(result.dropped).toEqual({ system: 2, media: 2, deleted: 0, bots: 0 });
    for (const item of result.items) expect(item.text + item.author).not.toContain(LRM);
  });

  it('infers the date order from the whole file: a first number above 12 anywhere decides', () => {
    const text = [
      '03/04/2026, 10:00 - Ana: first',
      '04/04/2026, 10:00 - Ana: second',
      '25/04/2026, 10:00 - Ana: third',
    ];
    expect(parseWhatsApp(text.join('\n')).items.map((i) => i.timestamp.slice(0, 10))).toEqual([
      '2026-04-03',
      '2026-04-04',
      '2026-04-25',
    ]);
    const us = ['03/04/2026, 10:00 - Ana: first', '04/25/2026, 10:00 - Ana: second'];
    expect(parseWhatsApp(us.join('\n')).items.map((i) => i.timestamp.slice(0, 10))).toEqual([
      '2026-03-04',
      '2026-04-25',
    ]);
    expect(parseWhatsApp(us[0] as string, { daysFirst: true }).items[0]?.timestamp).toBe('2026-04-03T10:00:00.000Z');
  });

  it('reads 12 AM as midnight and 12 PM as noon, and dotted dates with a word before the time', () => {
    const text = [
      '[1/2/26, 12:10:00 AM] Ana: midnight',
      '[1/2/26, 12:10:00 PM] Ana: noon',
      '[1/13/26, 1:00:00 p. m.] Ana: one',
    ];
    expect(parseWhatsApp(text.join('\n')).items.map((i) => i.timestamp)).toEqual([
      '2026-01-02T00:10:00.000Z',
      '2026-01-02T12:10:00.000Z',
      '2026-01-13T13:00:00.000Z',
    ]);
    expect(parseWhatsApp('31.12.26 klo 23.59 - Aino: Hyvää uutta vuotta').items[0]).toMatchObject({
      author: 'Aino',
      timestamp: '2026-12-31T23:59:00.000Z',
    });
  });

  it('reads the wall-clock time as UTC whatever the zone of the machine, also in a daylight-saving gap', () => {
    // 02:30 on 29 March 2026 does not exist in Central Europe; run with TZ=Europe/Berlin to see it hold.
    const text = ['29/03/2026, 02:30 - Ana: in the gap', '25/10/2026, 02:30 - Ana: in the repeated hour'];
    expect(parseWhatsApp(text.join('\n')).items.map((i) => i.timestamp)).toEqual([
      '2026-03-29T02:30:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ]);
  });

  it('keeps names with colons: re-joined when given, inferred when every message starts alike', () => {
    const text = [
      '05/11/2026, 09:02 - Dr. Who: PhD: the card is declined at checkout',
      '05/11/2026, 09:03 - Dr. Who: PhD: and the refund never arrives',
      '05/11/2026, 09:04 - Sam: Note: I see it too',
      '05/11/2026, 09:05 - Tess: Bug: the refund button is grey',
      '05/11/2026, 09:06 - Tess: Bug: the export is empty',
    ].join('\n');
    expect(parseWhatsApp(text).items.map((i) => [i.author, i.text])).toEqual([
      ['Dr. Who: PhD', 'the card is declined at checkout'],
      ['Dr. Who: PhD', 'and the refund never arrives'],
      ['Sam', 'Note: I see it too'],
      ['Tess', 'Bug: the refund button is grey'],
      ['Tess', 'Bug: the export is empty'],
    ]);
    const one = '05/11/2026, 09:02 - Ops: Berlin: payouts are late';
    expect(parseWhatsApp(one).items[0]).toMatchObject({ author: 'Ops', text: 'Berlin: payouts are late' });
    expect(parseWhatsApp(one, { authors: ['Ops: Berlin'] }).items[0]).toMatchObject({
      author: 'Ops: Berlin',
      text: 'payouts are late',
    });
  });

  it('drops attachment lines of exports with media and keeps their caption', () => {
    const text = [
      '05/11/2026, 09:02 - Ana: IMG-20261105-WA0001.jpg (file attached)',
      'The error after paying',
      '05/11/2026, 09:03 - Ana: PTT-20261105-WA0002.opus (Datei angehängt)',
      '05/11/2026, 09:04 - Ana: report.pdf (see page 2)',
    ].join('\n');
    const result = parseWhatsApp(text);
    expect(result.items.map((i) => i.text)).toEqual(['The error after paying', 'report.pdf (see page 2)']);
    expect(result.dropped.media).toBe(1);
  });

  it('drops a message left empty: blank, or only the edited marker', () => {
    const result = parseWhatsApp(
      [
        '05/11/2026, 09:02 - Omar Haddad: The payout report is late',
        '05/11/2026, 09:03 - Omar Haddad:  ',
        '05/11/2026, 09:04 - Omar Haddad: <This message was edited>',
        '05/11/2026, 09:05 - Leila Farouk: Noted, thanks <This message was edited>',
      ].join('\n'),
    );
    expect(result.items.map((i) => [i.text, i.edited ?? false])).toEqual([
      ['The payout report is late', false],
      ['Noted, thanks', true],
    ]);
    expect(result.dropped.media).toBe(2);
  });

  it('counts lines from the first message when the file starts with stray lines', () => {
    const result = parseWhatsApp('exported from my phone\n\n05/11/2026, 09:02 - Ana: hello\nsecond line');
    expect(result.items).toEqual([
      { author: 'Ana', timestamp: '2026-11-05T09:02:00.000Z', text: 'hello\nsecond line', line: 3 },
    ]);
  });

  it('keeps a message that only looks like a system line when it is not from the actor', () => {
    const text = [
      '05/11/2026, 09:02 - Ana: Bob added a filter and now it crashes',
      '05/11/2026, 09:03 - Bob: Bob left',
      '05/11/2026, 09:04 - Leila Farouk changed the subject from "Payouts: pilot" to "Payouts"',
      '05/11/2026, 09:05 - Leila Farouk created group "Pilot: Berlin"',
      '[11/5/26, 9:06:00 AM] Payout pilot: Boris added you',
      '[11/5/26, 9:07:00 AM] Payout pilot: Leila changed the subject to "Payouts: EU"',
      "[11/5/26, 9:08:00 AM] Payout pilot: Leila changed this group's icon",
    ];
    const result = parseWhatsApp(text.join('\n'));
    expect(result.items.map((i) => i.text)).toEqual(['Bob added a filter and now it crashes']);
    expect(result.dropped.system).toBe(6);
  });
});

describe('a 24-hour time with a stray p.m. (calibration on public exports, defect D3)', () => {
  it('keeps the hour and the date as written', () => {
    const chat = '[11/10/22 13:37:00 p.m.] Ana: x\n[12/10/22 14:37:00 p.m.] Ana: y\n[12/10/22 2:37:00 p.m.] Ana: z\n';
    expect(parseWhatsApp(chat).items.map((i) => i.timestamp)).toEqual([
      '2022-10-11T13:37:00.000Z',
      '2022-10-12T14:37:00.000Z',
      '2022-10-12T14:37:00.000Z',
    ]);
  });
});
