import { describe, expect, it } from 'vitest';
import { checklistFor } from './checklist.ts';
import { READINESS_CHECKLIST_V1 as V1 } from './checklist-v1.ts';
import { type ItemState, readinessOf } from './readiness-score.ts';

const INT = checklistFor(V1, { type: 'INT', flags: [] });
const required = INT.items.filter((i) => i.level === 'required').map((i) => i.id);
const optional = INT.items.filter((i) => i.level === 'optional').map((i) => i.id);
const done = (itemId: string, over: Partial<ItemState> = {}): ItemState => ({
  itemId,
  status: 'done',
  owner: 'Ana',
  evidence: [{ kind: 'link', ref: `https://ci.internal/${itemId}` }],
  ...over,
});
const score = (states: ItemState[]) => readinessOf(INT, states, V1.weights);

describe('readinessOf', () => {
  it('INT without flags: 26 required and 7 recommended items apply', () => {
    expect([required.length, optional.length]).toEqual([26, 7]);
  });

  it('scores 100 and is ready when every applicable item is done with evidence', () => {
    const r = score([...required, ...optional].map((id) => done(id)));
    expect(r).toMatchObject({ score: 100, ready: true, blocking: [], openRecommended: [] });
    expect(r.required).toEqual({ met: 26, total: 26, percent: 100 });
  });

  it('scores 0 with nothing recorded, and names every required item as blocking', () => {
    const r = score([]);
    expect(r.score).toBe(0);
    expect(r.ready).toBe(false);
    expect(r.blocking.map((b) => b.itemId)).toEqual(required);
    expect(r.blocking[0]).toEqual({
      itemId: 'SCP-1',
      label: V1.items[0]?.text,
      owner: null,
      reason: 'open',
      message: 'open',
    });
    expect(r.openRecommended.map((o) => o.itemId)).toEqual(optional);
  });

  it('follows the documented formula: floor(100 × (3·met required + met optional) / (3·26 + 7))', () => {
    const r = score([...required.slice(0, 20).map((id) => done(id)), ...optional.slice(0, 4).map((id) => done(id))]);
    expect(r.score).toBe(Math.floor((100 * (3 * 20 + 4)) / (3 * 26 + 7)));
    expect(r.required).toEqual({ met: 20, total: 26, percent: 76 });
    expect(r.recommended).toEqual({ met: 4, total: 7, percent: 57 });
    expect(r.blocking.map((b) => b.itemId)).toEqual(required.slice(20));
  });

  it('a required item done without evidence, or with failed evidence, still blocks', () => {
    const r = score([
      done('SCP-1', { evidence: [] }),
      done('SCP-2', { evidence: [{ kind: 'file', ref: '   ' }] }),
      done('QA-1', { evidence: [{ kind: 'record', ref: 'PACK-3', validation: 'fail' }] }),
      done('SEC-1', { evidence: [{ kind: 'record', ref: 'PACK-4', validation: 'conditional' }] }),
    ]);
    const why = Object.fromEntries(r.blocking.map((b) => [b.itemId, b.reason]));
    expect([why['SCP-1'], why['SCP-2'], why['QA-1'], why['SEC-1']]).toEqual([
      'no_evidence',
      'no_evidence',
      'evidence_failed',
      undefined,
    ]);
  });

  it('a waiver counts only with a reason and an approver; it is then listed', () => {
    const r = score([
      { itemId: 'SCP-3', status: 'waived', reason: 'No known issues', approver: 'IT owner Ben' },
      { itemId: 'QA-2', status: 'waived', reason: 'Two highs deferred' },
      { itemId: 'QA-3', status: 'waived', approver: 'Ben', reason: ' ' },
    ]);
    expect(r.waived).toEqual([
      { itemId: 'SCP-3', label: expect.any(String), reason: 'No known issues', approver: 'IT owner Ben' },
    ]);
    const blocking = r.blocking.filter((b) => b.itemId === 'QA-2' || b.itemId === 'QA-3');
    expect(blocking.map((b) => b.message)).toEqual(['waived without an approver', 'waived without a reason']);
    expect(r.required.met).toBe(1);
  });

  it('an item marked not applicable with reason and approver leaves the count; without them it blocks', () => {
    const base = score([]).required.total;
    const r = score([
      { itemId: 'SUP-4', status: 'not_applicable', reason: 'Same team supports it', approver: 'Ben' },
      { itemId: 'SUP-5', status: 'not_applicable', reason: 'No ELS' },
    ]);
    expect(r.required.total).toBe(base - 1);
    expect(r.blocking.find((b) => b.itemId === 'SUP-5')?.reason).toBe('waiver_incomplete');
  });

  it('reports unknown items, duplicate states and bad statuses without throwing; the first state counts', () => {
    const r = score([
      done('SCP-1'),
      { itemId: 'SCP-1', status: 'open' },
      { itemId: 'NOPE-1', status: 'done' },
      { itemId: '\u0000', status: 'done' },
      { itemId: 'SCP-2', status: 'finished' as never },
      done('QA-7'),
    ]);
    expect(r.problems.map((p) => `${p.itemId}:${p.code}`)).toEqual([
      'SCP-1:duplicate_state',
      'NOPE-1:unknown_item',
      ':unknown_item',
      'SCP-2:bad_status',
      'QA-7:not_applicable_anyway',
    ]);
    expect(r.blocking.some((b) => b.itemId === 'SCP-1')).toBe(false);
    expect(r.blocking.find((b) => b.itemId === 'SCP-2')?.reason).toBe('open');
  });

  it('handles 10,000 states quickly and gives the same result twice', () => {
    const states = Array.from({ length: 10_000 }, (_, i) => done(required[i % required.length] as string));
    const started = performance.now();
    const first = score(states);
    expect(performance.now() - started).toBeLessThan(200);
    expect(first.score).toBe(Math.floor((100 * 3 * 26) / (3 * 26 + 7)));
    expect(first.problems).toHaveLength(10_000 - 26);
    expect(score(states)).toEqual(first);
  });

  it('scores 100 when nothing applies, and ignores broken weights', () => {
    const empty = { ...INT, items: INT.items.map((i) => ({ ...i, level: 'not_applicable' as const })) };
    expect(readinessOf(empty, [], V1.weights)).toMatchObject({ score: 100, ready: true });
    expect(readinessOf(INT, [], { required: Number.NaN, recommended: -1 }).score).toBe(100);
  });
});
