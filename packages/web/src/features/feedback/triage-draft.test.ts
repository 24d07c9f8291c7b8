import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from './api.ts';
import { clarificationQuestion, triageDraft } from './triage-draft.ts';

const item = (key: string, text: string, status: FeedbackItem['status'] = 'new'): FeedbackItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  key,
  number: Number(key.split('-').at(-1)),
  text,
  author: 'Ana Pilot',
  source: 'form',
  status,
  provenance: [],
  createdAt: '2026-11-05T10:00:00.000Z',
  createdBy: null,
  triagedAt: null,
  triagedBy: null,
  story: null,
  duplicateOf: null,
  declineReason: null,
  clarification: null,
  ageDays: 0,
});

const req = (key: string, text: string, priority: 'Must' | 'High' | null, removed = false) => ({
  id: `00000000-0000-4000-8000-0000000000${key.slice(-1)}0`,
  key,
  text,
  priority,
  removedIn: removed ? { version: '1.1' } : null,
});

describe('the triage dialog’s starting point', () => {
  const fb = item('P-FB-2', 'I want to export refunds as CSV every month');

  it('prefills title and the middle priority of the product’s scheme, and the requirement the server would link', () => {
    const d = triageDraft(
      fb,
      [req('FR-1', 'Merchants export the refunds of a month as CSV.', 'High'), req('FR-2', 'Login', 'High')],
      [],
    );
    expect(d.title.length).toBeGreaterThan(0);
    expect(d.title).not.toMatch(/^I want/i);
    expect(d.priority).toBe('Medium');
    expect(d.requirement).toMatchObject({ key: 'FR-1' });
    expect(d.requirement?.shared).toEqual(expect.arrayContaining(['export', 'refunds']));
  });

  it('ignores removed requirements, and defaults to Should with none', () => {
    const d = triageDraft(fb, [req('FR-1', 'Merchants export the refunds of a month as CSV.', 'Must', true)], []);
    expect(d.requirement).toBeNull();
    expect(d.priority).toBe('Should');
  });

  it('offers the most similar other open item as the original, never itself or a declined one', () => {
    const same = item('P-FB-1', 'Merchants want to export refunds as CSV every month');
    expect(triageDraft(fb, [], [fb, same]).original?.key).toBe('P-FB-1');
    expect(triageDraft(fb, [], [fb, { ...same, status: 'declined' }]).original).toBeNull();
  });

  it('words the clarification question as the server does', () => {
    expect(clarificationQuestion(fb)).toBe(
      'Feedback P-FB-2 from Ana Pilot: I want to export refunds as CSV every month',
    );
  });
});
