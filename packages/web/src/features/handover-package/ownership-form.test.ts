import { describe, expect, it } from 'vitest';
import {
  newOpenItem,
  type Ownership,
  ownershipBodyOf,
  ownershipDraftOf,
  ownershipDraftProblems,
} from './ownership-form.ts';

const confirmed: Ownership = {
  runBy: 'IT Operations, payments team',
  supportedBy: 'Service desk L1, payments L2',
  onCall: null,
  openItems: [{ text: 'Alert on refund retries', owner: 'Ivy', dueDate: '2027-01-06' }],
  confirmedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Ivy Itowner', email: 'it@example.com' },
  confirmedAt: '2026-12-07T10:00:00.000Z',
};

describe('the ownership form', () => {
  it('starts empty, and cannot be sent until who runs and who supports it are named', () => {
    const draft = ownershipDraftOf(null);
    expect(draft).toEqual({ runBy: '', supportedBy: '', onCall: '', openItems: [] });
    expect(ownershipDraftProblems(draft)).toEqual(['Say who runs the product.', 'Say who supports it.']);
  });

  it('re-confirming starts from what stands, without who confirmed it', () => {
    const draft = ownershipDraftOf(confirmed);
    expect(draft).toEqual({
      runBy: 'IT Operations, payments team',
      supportedBy: 'Service desk L1, payments L2',
      onCall: '',
      openItems: [{ text: 'Alert on refund retries', owner: 'Ivy', dueDate: '2027-01-06' }],
    });
    draft.openItems[0] = { text: 'changed', owner: 'x', dueDate: '2027-01-01' };
    expect(confirmed.openItems[0]?.text).toBe('Alert on refund retries');
  });

  it('sends trimmed text, no on-call as null and leaves blank open-item rows out', () => {
    const body = ownershipBodyOf({
      runBy: ' IT Ops ',
      supportedBy: 'Service desk ',
      onCall: '  ',
      openItems: [{ text: ' Runbook for retries ', owner: ' Ana ', dueDate: '2027-01-06' }, newOpenItem('2026-12-07')],
    });
    expect(body).toEqual({
      runBy: 'IT Ops',
      supportedBy: 'Service desk',
      onCall: null,
      openItems: [{ text: 'Runbook for retries', owner: 'Ana', dueDate: '2027-01-06' }],
    });
  });

  it('new open items are due at the end of early life support; a half-filled one is named', () => {
    expect(newOpenItem('2026-12-07')).toEqual({ text: '', owner: '', dueDate: '2027-01-06' });
    const draft = { ...ownershipDraftOf(confirmed), openItems: [{ text: 'Docs', owner: '', dueDate: '2027-01-06' }] };
    expect(ownershipDraftProblems(draft)).toEqual(['Each open item needs what is open, an owner and a due date.']);
    expect(ownershipBodyOf({ ...draft, onCall: 'Payments on-call rota' }).onCall).toBe('Payments on-call rota');
  });
});
