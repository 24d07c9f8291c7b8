import { describe, expect, it } from 'vitest';
import type { Story } from './api.ts';
import { createBody, emptyForm, estimateProblem, formFieldOf, formOf, patchOf } from './story-form.ts';

const story = (over: Partial<Story> = {}): Story => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'REF-S-1',
  number: 1,
  type: 'story',
  title: 'See refund status',
  narrative: 'As a merchant, I want to see the status of every refund',
  acceptance: 'Scenario: status shown\n  Given a refund\n  When I open it\n  Then it shows "Sent"',
  priority: 'Must',
  status: 'backlog',
  estimate: 3,
  sprint: null,
  requirements: [
    { id: 'a0000000-0000-4000-8000-000000000001', key: 'FR-1' },
    { id: 'b0000000-0000-4000-8000-000000000002', key: 'FR-2' },
  ],
  revision: 4,
  createdBy: null,
  createdAt: '2026-12-07T00:00:00.000Z',
  updatedAt: '2026-12-07T00:00:00.000Z',
  ...over,
});

describe('patchOf', () => {
  it('is null when nothing changed', () => {
    const form = formOf(story());
    expect(patchOf(form, { ...form })).toBeNull();
  });

  it('sends only the changed fields', () => {
    const from = formOf(story());
    const patch = patchOf(from, { ...from, narrative: `${from.narrative} so that I can answer`, estimate: '5' });
    expect(patch).toEqual({ narrative: `${from.narrative} so that I can answer`, estimate: 5 });
  });

  it('treats the same links in another order as unchanged, and an emptied estimate as none', () => {
    const from = formOf(story());
    const reordered = { ...from, requirementIds: [...from.requirementIds].reverse() };
    expect(patchOf(from, reordered)).toBeNull();
    expect(patchOf(from, { ...from, estimate: '  ' })).toEqual({ estimate: null });
  });

  it('sends a sprint taken away as null', () => {
    const from = formOf(
      story({ sprint: { id: 'c0000000-0000-4000-8000-000000000003', name: 'S1', status: 'planned' } }),
    );
    expect(patchOf(from, { ...from, sprintId: null })).toEqual({ sprintId: null });
  });
});

describe('createBody', () => {
  it('starts a new bug in the backlog, linked to the requirements given', () => {
    const body = createBody({ ...emptyForm('bug', ['r1']), title: 'Crash' });
    expect(body).toMatchObject({
      type: 'bug',
      title: 'Crash',
      status: 'backlog',
      estimate: null,
      requirementIds: ['r1'],
    });
  });

  it('refuses an estimate that is not a whole number before sending it', () => {
    expect(estimateProblem('abc')).toBe('Write a whole number of points, or leave it empty.');
    expect(estimateProblem('2.5')).toBeDefined();
    expect(estimateProblem(' 8 ')).toBeUndefined();
    expect(estimateProblem('')).toBeUndefined();
  });
});

describe('formFieldOf', () => {
  it('maps a refused parameter to the field that shows it', () => {
    expect(formFieldOf('requirementIds.3')).toBe('requirementIds');
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('if-match')).toBeNull();
  });
});
