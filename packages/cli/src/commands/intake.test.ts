// `pistudio intake parse` (issue #13): the JSON contract with and without --dedupe, the text for people, a Slack
// zip and a Teams file, and exit code 2 with one line for bad usage and every unreadable input. The last test runs
// the built CLI the way users do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runIntake } from './intake.ts';
import { captured, scratch } from './test-kit.ts';

const { work, file } = scratch('intake');

const intake = (...argv: string[]) => captured(runIntake, argv);

const CHAT = [
  '05/11/2026, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  '05/11/2026, 09:02 - Omar Haddad: The checkout declines my debit card every time',
  '05/11/2026, 09:03 - Omar Haddad: <Media omitted>',
  '13/11/2026, 10:15 - Leila Farouk: Payouts take three days',
  'to arrive.',
  '13/11/2026, 10:16 - Karim: My debit card got declined at checkout every time!',
].join('\n');

describe('pistudio intake parse', () => {
  it('prints the JSON contract: {"source","items":[{"author","timestamp","text"}]}', async () => {
    const out = await intake('parse', file('chat.txt', CHAT), '--format', 'json');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(out.stdout)).toEqual({
      source: 'whatsapp',
      items: [
        {
          author: 'Omar Haddad',
          timestamp: '2026-11-05T09:02:00.000Z',
          text: 'The checkout declines my debit card every time',
        },
        { author: 'Leila Farouk', timestamp: '2026-11-13T10:15:00.000Z', text: 'Payouts take three days\nto arrive.' },
        {
          author: 'Karim',
          timestamp: '2026-11-13T10:16:00.000Z',
          text: 'My debit card got declined at checkout every time!',
        },
      ],
    });
  });

  it('adds "clusters" with --dedupe: indices into items, groups of two or more', async () => {
    const out = await intake(
      'parse',
      file('chat-dedupe.txt', CHAT),
      '--dedupe',
      '--format',
      'json',
      '--source',
      'whatsapp',
    );
    expect(out.code).toBe(0);
    const parsed = JSON.parse(out.stdout);
    expect(Object.keys(parsed)).toEqual(['source', 'items', 'clusters']);
    expect(parsed.clusters).toEqual([[0, 2]]);
  });

  it('prints text for people: what was left out, each message, and why items are near duplicates', async () => {
    const out = await intake('parse', file('chat-text.txt', CHAT), '--dedupe');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('WhatsApp export, 3 messages (left out: 1 system, 1 media)');
    expect(out.stdout).toContain('#2  2026-11-13 10:15 UTC  Leila Farouk\n  Payouts take three days\n  to arrive.');
    expect(out.stdout).toContain('Near duplicates: 1 group');
    expect(out.stdout).toContain('#3 similar to #1: 100% — shared: debit, card, declined, checkout, every, time');
  });

  it('reads a Slack zip and Teams JSON', async () => {
    const slack = zipSync({
      'users.json': strToU8(JSON.stringify([{ id: 'U1', real_name: 'Leila Farouk' }])),
      'payouts/2026-12-01.json': strToU8(
        JSON.stringify([{ type: 'message', user: 'U1', text: 'late again', ts: '1764579600.000100' }]),
      ),
    });
    const slackOut = await intake('parse', file('export.zip', slack), '--format', 'json');
    expect(JSON.parse(slackOut.stdout)).toEqual({
      source: 'slack',
      items: [{ author: 'Leila Farouk', timestamp: '2025-12-01T09:00:00.000Z', text: 'late again' }],
    });
    const teams = {
      value: [
        {
          id: '1',
          messageType: 'message',
          createdDateTime: '2025-12-01T09:00:00Z',
          from: { user: { displayName: 'Omar' } },
          body: { contentType: 'html', content: '<p>a&amp;b<br>c</p>' },
        },
      ],
    };
    const teamsOut = await intake('parse', file('teams.json', JSON.stringify(teams)), '--format', 'json');
    expect(JSON.parse(teamsOut.stdout).items).toEqual([
      { author: 'Omar', timestamp: '2025-12-01T09:00:00.000Z', text: 'a&b\nc' },
    ]);
  });

  it('reads a Slack export someone already unzipped: the folder of channel folders', async () => {
    const dir = path.join(work, 'slack-export');
    mkdirSync(path.join(dir, 'uat-feedback'), { recursive: true });
    writeFileSync(path.join(dir, 'users.json'), JSON.stringify([{ id: 'U1', name: 'omar', real_name: 'Omar Haddad' }]));
    writeFileSync(path.join(dir, 'channels.json'), JSON.stringify([{ id: 'C1', name: 'uat-feedback' }]));
    writeFileSync(
      path.join(dir, 'uat-feedback', '2026-11-05.json'),
      JSON.stringify([
        { type: 'message', user: 'U1', text: 'Refunds page is empty for <@U1>', ts: '1793955720.000100' },
        {
          type: 'message',
          subtype: 'channel_join',
          user: 'U1',
          text: '<@U1> has joined the channel',
          ts: '1793955600.000100',
        },
      ]),
    );
    const out = await intake('parse', dir, '--format', 'json');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(out.stdout)).toEqual({
      source: 'slack',
      items: [
        {
          author: 'Omar Haddad',
          timestamp: '2026-11-06T09:02:00.000Z',
          text: 'Refunds page is empty for @Omar Haddad',
        },
      ],
    });
    const wrong = await intake('parse', dir, '--source', 'whatsapp');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      `pistudio: intake: ${dir} is a folder: only a Slack export is read from a folder (--source slack)\n`,
    );
    const empty = path.join(work, 'empty-folder');
    mkdirSync(empty);
    const none = await intake('parse', empty);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n').filter(Boolean)).toEqual([
      `pistudio: intake: ${empty}: the folder holds no Slack channel folders (channel/YYYY-MM-DD.json)`,
    ]);
  });

  it('answers exit 2 and one line for bad usage and unreadable input', async () => {
    const chat = file('ok.txt', CHAT);
    const png = file('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const slack = zipSync({ 'payouts/2026-12-01.json': strToU8('[]') });
    const cases: [string[], string][] = [
      [[], "missing 'parse'"],
      [['export', chat], "unknown action 'export'"],
      [['parse'], 'give exactly one file'],
      [['parse', chat, chat], 'give exactly one file'],
      [['parse', chat, '--source', 'telegram'], "unknown --source 'telegram'"],
      [['parse', chat, '--format', 'csv'], "unknown --format 'csv'"],
      [['parse', chat, '--nope'], "Unknown option '--nope'"],
      [['parse', path.join(work, 'missing.txt')], 'cannot read'],
      [['parse', '/dev/null'], 'not a file'],
      [['parse', file('empty.txt', '')], 'the file is empty'],
      [['parse', png], 'is a PNG image, not a chat export'],
      [['parse', file('nul.txt', `${CHAT}\u0000`)], 'NUL byte'],
      [['parse', file('tg.json', JSON.stringify({ name: 'x', type: 'personal_chat', messages: [] }))], 'Telegram'],
      [['parse', file('notes.txt', 'hello\nworld')], 'not a WhatsApp, Slack or Teams export'],
      [['parse', file('cut.zip', slack.subarray(0, slack.length - 10))], 'damaged or truncated'],
      [['parse', file('slack.zip', slack), '--source', 'teams'], 'this is a Slack export, not a Teams one'],
    ];
    for (const [argv, says] of cases) {
      const out = await intake(...argv);
      expect(out.code, argv.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.split('\n').filter(Boolean), argv.join(' ')).toHaveLength(1);
      expect(out.stderr).toMatch(/^pistudio: intake: /);
      expect(out.stderr, argv.join(' ')).toContain(says);
    }
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const huge = path.join(work, 'huge.txt');
    writeFileSync(huge, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(huge, 200 * 1024 * 1024 + 1); // sparse: no 200 MB written
    const out = await intake('parse', huge);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toMatch(/^pistudio: intake: .*huge\.txt is larger than 200 MB: split the export\n$/);
  });

  it('runs through the built `pistudio` with help, the contract and exit codes', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const bin = path.join(root, 'packages/cli/bin/pistudio.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    expect(run('--help').stdout).toMatch(/^ {2}intake +intake parse: read a WhatsApp, Slack or Teams export$/m);
    const ok = run('intake', 'parse', file('built.txt', CHAT), '--dedupe', '--format', 'json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ source: 'whatsapp', clusters: [[0, 2]] });
    const bad = run('intake', 'parse', file('built-empty.txt', ''));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^pistudio: intake: .*built-empty\.txt: the file is empty\n$/);
  });
});
