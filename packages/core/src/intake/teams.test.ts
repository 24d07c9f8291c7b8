// Teams messages in the Microsoft Graph chatMessage shape, written for these tests: HTML bodies with paragraphs,
// line breaks, entities, mentions, links and attachments; system events, bots and deleted messages left out.
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';
import { parseExport } from './parse.ts';
import { parseTeams } from './teams.ts';

const person = (displayName: string) => ({
  user: { id: `id-${displayName}`, displayName, userIdentityType: 'aadUser' },
});

const PAGE = {
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Aabc')/messages",
  '@odata.count': 6,
  value: [
    {
      id: '1764579900000',
      messageType: 'message',
      createdDateTime: '2025-12-01T09:05:00.123Z',
      lastEditedDateTime: '2025-12-01T09:06:00Z',
      deletedDateTime: null,
      from: person('Omar Haddad'),
      body: {
        contentType: 'html',
        content:
          '<p>Hi <at id="0">Leila Farouk</at>,</p><p>the payout page says &quot;pending&quot;&nbsp;for&nbsp;3 days &amp; more.<br>See <a href="https://pay.example.com/p/7">the payout</a>.</p><attachment id="att-1"></attachment>',
      },
      attachments: [{ id: 'att-1', contentType: 'reference', name: 'payout.png', contentUrl: 'https://x/payout.png' }],
      mentions: [{ id: 0, mentionText: 'Leila Farouk', mentioned: { user: { displayName: 'Leila Farouk' } } }],
    },
    {
      id: '1764579800000',
      messageType: 'unknownFutureValue',
      createdDateTime: '2025-12-01T09:03:20Z',
      from: null,
      body: { contentType: 'html', content: '<systemEventMessage/>' },
      eventDetail: { '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail' },
    },
    {
      id: '1764579700000',
      messageType: 'message',
      createdDateTime: '2025-12-01T09:01:40Z',
      from: person('Leila Farouk'),
      body: { contentType: 'text', content: 'Card declined at checkout 😕' },
    },
    {
      id: '1764579750000',
      messageType: 'message',
      createdDateTime: '2025-12-01T09:02:30Z',
      deletedDateTime: '2025-12-01T09:02:40Z',
      from: person('Leila Farouk'),
      body: { contentType: 'html', content: '' },
    },
    {
      id: '1764579760000',
      messageType: 'message',
      createdDateTime: '2025-12-01T09:02:35Z',
      from: { application: { displayName: 'Workflows', applicationIdentityType: 'bot' }, user: null },
      body: { contentType: 'html', content: '<p>Build passed</p>' },
    },
    {
      id: '1764579770000',
      messageType: 'message',
      createdDateTime: '2025-12-01T09:02:36Z',
      from: person('Karim Aziz'),
      body: { contentType: 'html', content: '<img src="https://x/hostedContents/1/$value">' },
    },
  ],
};

describe('Teams chat messages', () => {
  it('keeps people’s messages, oldest first, HTML turned into text', () => {
    const result = parseExport(new TextEncoder().encode(JSON.stringify(PAGE)));
    expect(result.source).toBe('teams');
    expect(result.items).toEqual([
      {
        author: 'Leila Farouk',
        timestamp: '2025-12-01T09:01:40.000Z',
        text: 'Card declined at checkout 😕',
        messageId: '1764579700000',
      },
      {
        author: 'Omar Haddad',
        timestamp: '2025-12-01T09:05:00.123Z',
        text: 'Hi @Leila Farouk,\n\nthe payout page says "pending" for 3 days & more.\nSee the payout (https://pay.example.com/p/7).\n[attachment: payout.png]',
        messageId: '1764579900000',
        edited: true,
      },
    ]);
    expect(result.dropped).toEqual({ system: 1, media: 1, deleted: 1, bots: 1 });
  });

  it('reads a bare array and a list of pages, and folds a channel post’s subject into its text', () => {
    const post = {
      id: '1',
      messageType: 'message',
      createdDateTime: '2025-12-01T10:00:00Z',
      subject: 'Payout delays',
      replyToId: null,
      from: person('Ana'),
      body: { contentType: 'html', content: '<div><div>Since Monday</div></div>' },
    };
    const reply = { ...post, id: '2', subject: null, replyToId: '1', body: { contentType: 'text', content: 'same' } };
    expect(parseTeams([post, reply]).items).toMatchObject([
      { text: 'Payout delays\nSince Monday' },
      { text: 'same', replyTo: '1' },
    ]);
    expect(parseTeams([{ value: [post] }, { value: [reply] }]).items).toHaveLength(2);
  });

  it('turns HTML into text: entities decoded, tags dropped, lists kept readable, escaped markup kept as text', () => {
    expect(
      htmlToText(
        '<ul><li>one</li><li>two &#x1F600; &#233;</li></ul><p>&lt;b&gt;not bold&lt;/b&gt;</p><script>x()</script>',
      ),
    ).toBe('- one\n- two 😀 é\n\n<b>not bold</b>');
    expect(htmlToText('a&#xD800;b &unknown; <a href="https://x.y">https://x.y</a>')).toBe(
      'a\ufffdb &unknown; https://x.y',
    );
  });
});
