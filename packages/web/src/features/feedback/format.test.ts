import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from './api.ts';
import { ageColor, ageingLine, ageLabel, outcomeLine, provenanceLine, SOURCE_LABEL } from './format.ts';

const item = (over: Partial<FeedbackItem> = {}): FeedbackItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'P-FB-1',
  number: 1,
  text: 'The checkout declines my card',
  author: 'Ana Pilot',
  source: 'whatsapp',
  status: 'new',
  provenance: [
    {
      source: 'whatsapp',
      originalAuthor: 'Ana Pilot',
      originalTime: '2026-11-05T09:02:00.000Z',
      fileHash: 'ab',
      messageRef: 'line 1',
      importId: null,
    },
  ],
  createdAt: '2026-11-05T10:00:00.000Z',
  createdBy: null,
  triagedAt: null,
  triagedBy: null,
  story: null,
  duplicateOf: null,
  declineReason: null,
  clarification: null,
  ageDays: 3,
  ...over,
});

describe('feedback words', () => {
  it('names every source with a label, not its code', () => {
    expect(Object.values(SOURCE_LABEL)).toEqual(['Form', 'Guest link', 'API', 'WhatsApp', 'Slack', 'Teams']);
  });

  it('says how long an item waits, coloured by the summary’s buckets', () => {
    expect(ageLabel(null)).toBeNull();
    expect(ageLabel(0)).toBe('Untriaged, arrived today');
    expect(ageLabel(1)).toBe('1 day untriaged');
    expect(ageLabel(3)).toBe('3 days untriaged');
    expect([ageColor(1), ageColor(2), ageColor(7), ageColor(8)]).toEqual(['gray', 'orange', 'orange', 'red']);
  });

  it('sums the untriaged up, or says nothing waits', () => {
    const none = { total: 0, under2Days: 0, from2To7Days: 0, over7Days: 0, oldestAgeDays: null };
    expect(ageingLine(none)).toBe('Nothing waits for triage.');
    expect(ageingLine({ ...none, total: 4, under2Days: 3, over7Days: 1, oldestAgeDays: 12 })).toBe(
      '4 items waiting for triage; the oldest for 12 days.',
    );
    expect(ageingLine({ ...none, total: 1, under2Days: 1, oldestAgeDays: 0 })).toBe(
      '1 item waiting for triage; all arrived today.',
    );
  });

  it('says what triage made of an item', () => {
    expect(outcomeLine(item())).toBeNull();
    expect(outcomeLine(item({ status: 'accepted', story: { key: 'P-BUG-2', type: 'bug' } }))).toBe(
      'Became bug P-BUG-2',
    );
    expect(outcomeLine(item({ status: 'duplicate', duplicateOf: 'P-FB-0' }))).toBe('Duplicate of P-FB-0');
    expect(outcomeLine(item({ status: 'declined', declineReason: 'Out of scope' }))).toBe('Declined: Out of scope');
  });

  it('names the author and every source a merged item was heard in', () => {
    expect(provenanceLine(item())).toBe('Ana Pilot · via WhatsApp');
    const first = item().provenance[0] as FeedbackItem['provenance'][number];
    const merged = item({ provenance: [first, { ...first, source: 'form' }] });
    expect(provenanceLine(merged)).toBe('Ana Pilot · via WhatsApp, Form · heard 2 times');
  });
});
