import { describe, expect, it } from 'vitest';
import { AZURE_PRIORITY, azureAcceptance, escapeHtml, storiesToAzureCsv } from './azure-csv.ts';
import { parseCsv } from './csv.ts';
import { exchangeItem } from './test-items.ts';

function readExport(csv: string) {
  const { records, problems } = parseCsv(csv);
  expect(problems).toEqual([]);
  const [header, ...rows] = records;
  return rows.map(({ cells }) => Object.fromEntries(cells.map((cell, i) => [header?.cells[i] ?? `#${i}`, cell])));
}

describe('storiesToAzureCsv', () => {
  it('writes the columns Azure Boards imports, with HTML rich text', () => {
    const csv = storiesToAzureCsv([exchangeItem(), exchangeItem({ key: 'B-2', type: 'bug', priority: null })]);
    expect(parseCsv(csv).records[0]?.cells).toEqual([
      'Work Item Type',
      'Title',
      'Description',
      'Acceptance Criteria',
      'Priority',
      'Tags',
    ]);
    const [story, bug] = readExport(csv);
    expect(story).toEqual({
      'Work Item Type': 'User Story',
      Title: 'Pay out to a debit card',
      Description:
        '<p>As a merchant I want payouts to my debit card so that I get my money the same day.</p><p>Requirements: FR-1</p>',
      'Acceptance Criteria':
        '<pre>Scenario: instant payout\n  Given a verified card\n  When I request a payout\n  Then it arrives within 30 minutes</pre>',
      Priority: '1',
      Tags: 'pi-studio; FINTX-PAYOUTS; pi-studio-key:FINTX-PAYOUTS-S-1',
    });
    expect(bug).toMatchObject({ 'Work Item Type': 'Bug', Priority: '' });
  });

  it('escapes HTML so story text never becomes markup, and keeps paragraphs and line breaks', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
    const [row] = readExport(
      storiesToAzureCsv([
        exchangeItem({ narrative: 'As a <b>user</b>\nline two\n\nSecond, "para"', requirementIds: [] }),
      ]),
    );
    expect(row?.Description).toBe('<p>As a &lt;b&gt;user&lt;/b&gt;<br>line two</p><p>Second, &quot;para&quot;</p>');
    expect(azureAcceptance('Given <x> & y')).toBe('<pre>Given &lt;x&gt; &amp; y</pre>');
    expect(azureAcceptance('  ')).toBe('');
  });

  it('maps every priority onto 1–4', () => {
    expect(AZURE_PRIORITY).toEqual({
      Must: '1',
      Should: '2',
      Could: '3',
      "Won't": '4',
      P0: '1',
      P1: '2',
      P2: '3',
      P3: '4',
      High: '1',
      Medium: '2',
      Low: '3',
    });
  });

  it('round-trips unicode, commas and quotes in titles, keeps tags free of ";" and guards formulas', () => {
    const [a, b] = readExport(
      storiesToAzureCsv([
        exchangeItem({ title: 'Zahlung, "sofort" — 即時 😀', product: 'PAY;OUTS  X' }),
        exchangeItem({ key: 'S-2', title: '+1 for refunds' }),
      ]),
    );
    expect(a?.Title).toBe('Zahlung, "sofort" — 即時 😀');
    expect(a?.Tags).toBe('pi-studio; PAY OUTS X; pi-studio-key:FINTX-PAYOUTS-S-1');
    expect(b?.Title).toBe("'+1 for refunds");
  });
});
