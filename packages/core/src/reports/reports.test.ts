import { describe, expect, it } from 'vitest';
import {
  chunkLines,
  SLACK_MAX_BLOCKS,
  SLACK_MAX_SECTION_CHARS,
  slackMessage,
  TEAMS_MAX_BYTES,
  teamsMessage,
} from './render-chat.ts';
import { emailDigest, MAX_EMAIL_HTML_BYTES } from './render-email.ts';
import { reportMarkdown } from './render-text.ts';
import { formatDelta, type ReportSnapshot, reportSubject, type Tile, tileSentence, tileState } from './snapshot.ts';

const ftpr: Tile = { label: 'FTPR', value: 0.62, unit: 'percent', previous: 0.54, target: 0.7, better: 'higher' };
const cycle: Tile = {
  label: 'Median gate cycle time',
  value: 30,
  unit: 'hours',
  previous: 36,
  target: 24,
  better: 'lower',
};
const queue: Tile = { label: 'Intake queue', value: 7, unit: 'count', previous: 7, target: null, better: 'lower' };
const empty: Tile = {
  label: 'Overdue conditions',
  value: null,
  unit: 'count',
  previous: 2,
  target: 0,
  better: 'lower',
};

function snapshot(rows = 3): ReportSnapshot {
  return {
    id: 'rep-2026-W47-intake',
    kind: 'weekly-intake',
    periodLabel: '2026-W47',
    zone: 'Europe/Berlin',
    watermark: '2026-11-23T07:59:12Z',
    generatedAt: '2026-11-23T08:00:03Z',
    tiles: [ftpr, cycle, queue, empty],
    sections: [
      {
        kind: 'table',
        title: 'Awaiting review',
        columns: ['PRD', 'Age'],
        rows: Array.from({ length: rows }, (_, i) => [`PRD-${i} <Payouts & "refunds">`, `${i + 1} d`]),
        empty: 'Nothing waits for review.',
      },
      { kind: 'list', title: 'Asks', items: [], empty: 'No thresholds breached.' },
    ],
    url: 'https://pistudio.invalid/reports/rep-2026-W47-intake',
  };
}

describe('report sentences', () => {
  it('words each tile by a fixed template, coloured by better or worse, not by up or down', () => {
    expect(tileSentence(ftpr)).toBe('FTPR rose 8 pts to 62%, target 70%.');
    expect(tileSentence(cycle)).toBe('Median gate cycle time fell 6 h to 30 h, target 24 h.');
    expect(tileSentence(queue)).toBe('Intake queue held at 7.');
    expect(tileSentence(empty)).toBe('Overdue conditions: no data this period, target 0.');
    expect([tileState(ftpr), tileState(cycle), tileState(queue), tileState(empty)]).toEqual([
      'good',
      'good',
      'neutral',
      'neutral',
    ]);
    expect(formatDelta({ ...cycle, value: 40 })).toBe('+4 h');
    expect(tileState({ ...cycle, value: 40 })).toBe('bad');
    expect(reportSubject(snapshot())).toBe('[PI Studio] Weekly intake quality — 2026-W47 — FTPR 62% (+8 pts)');
  });
});

describe('renderings of one snapshot', () => {
  it('Markdown has the header line, the tile table, the sentences and each section', () => {
    const md = reportMarkdown(snapshot());
    expect(md).toContain('Period 2026-W47 · time zone Europe/Berlin · data as of 2026-11-23T07:59:12Z');
    expect(md).toContain('| FTPR | 62% | +8 pts | 70% |');
    expect(md).toContain('- FTPR rose 8 pts to 62%, target 70%.');
    expect(md).toContain('## Asks\n\nNo thresholds breached.');
  });

  it('the e-mail has a text and an escaped HTML part, and stays under 100 KB with many rows', () => {
    const mail = emailDigest(snapshot());
    expect(mail.text).toContain('* FTPR rose 8 pts to 62%, target 70%.');
    expect(mail.html).toContain('PRD-0 &lt;Payouts &amp; &quot;refunds&quot;&gt;');
    expect(mail.html).not.toContain('<Payouts');
    expect(mail.html).toContain('width="600"');
    const big = emailDigest(snapshot(5000));
    expect(new TextEncoder().encode(big.html).length).toBeLessThan(MAX_EMAIL_HTML_BYTES);
    expect(big.html).toMatch(/\d+ more in the report\./);
  });

  it('Slack gets a header, at most 10 tile fields, a context line, sections split under 3,000 characters and a button', () => {
    const msg = slackMessage(snapshot(2000)) as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(msg.text).toContain('FTPR 62%');
    expect(msg.blocks[0]?.type).toBe('header');
    expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(msg.blocks.at(-1)?.type).toBe('actions');
    for (const b of msg.blocks)
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_CHARS);
    expect(JSON.stringify(msg)).toContain('&lt;Payouts &amp;');
    expect(chunkLines(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(30)], 25)).toEqual([
      `${'a'.repeat(10)}\n${'b'.repeat(10)}`,
      `${'c'.repeat(24)}…`,
    ]);
  });

  it('Teams gets an Adaptive Card under 28 KB that says how many rows it left out', () => {
    const small = JSON.stringify(teamsMessage(snapshot()));
    expect(small).toContain('application/vnd.microsoft.card.adaptive');
    expect(small).toContain('Action.OpenUrl');
    expect(small).not.toContain('more in the report');
    const big = JSON.stringify(teamsMessage(snapshot(3000)));
    expect(new TextEncoder().encode(big).length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(big).toMatch(/\d+ more in the report\./);
  });
});
