import { describe, expect, it } from 'vitest';
import { itemDraftOf, itemDraftProblems, itemUpdateOf } from './item-form.ts';
import { anItem } from './test-factories.ts';

describe('the item editor', () => {
  it('sends nothing when nothing changed', () => {
    const item = anItem({
      owner: 'Ana',
      evidence: [{ kind: 'link', ref: 'https://x', validation: null, problem: null }],
    });
    expect(itemUpdateOf(item, itemDraftOf(item))).toBeNull();
  });

  it('sends only the fields that changed, trimmed, with blank evidence rows left out', () => {
    const item = anItem({ owner: 'Ana' });
    const draft = {
      ...itemDraftOf(item),
      status: 'done' as const,
      evidence: [
        { kind: 'link' as const, ref: ' https://ci.example.com/1 ' },
        { kind: 'record' as const, ref: '  ' },
      ],
    };
    expect(itemUpdateOf(item, draft)).toEqual({
      status: 'done',
      evidence: [{ kind: 'link', ref: 'https://ci.example.com/1' }],
    });
  });

  it('clears an owner emptied, and the reason and approver when the item is no longer waived', () => {
    const item = anItem({ owner: 'Ana', status: 'waived', reason: 'Low risk', approver: 'Ben' });
    const draft = { ...itemDraftOf(item), owner: ' ', status: 'open' as const };
    expect(itemUpdateOf(item, draft)).toEqual({ status: 'open', owner: null, reason: null, approver: null });
  });

  it('keeps the reason and approver of a waiver', () => {
    const item = anItem();
    const draft = { ...itemDraftOf(item), status: 'waived' as const, reason: ' Low risk ', approver: 'Ben' };
    expect(itemUpdateOf(item, draft)).toEqual({ status: 'waived', reason: 'Low risk', approver: 'Ben' });
  });

  it('blocks a link that is no web address, and hints what a done item or a waiver still needs', () => {
    const item = anItem();
    const bad = { ...itemDraftOf(item), evidence: [{ kind: 'link' as const, ref: 'ci/run/1' }] };
    expect(itemDraftProblems(bad)).toEqual([
      { field: 'evidence.0', message: 'A link starts with https:// or http://', blocks: true },
    ]);
    const record = {
      ...itemDraftOf(item),
      status: 'done' as const,
      evidence: [{ kind: 'record' as const, ref: 'pack:qa:2' }],
    };
    expect(itemDraftProblems(record)).toEqual([]);
    const bare = { ...itemDraftOf(item), status: 'done' as const };
    expect(itemDraftProblems(bare).map((p) => [p.field, p.blocks])).toEqual([['evidence', false]]);
    const waived = { ...itemDraftOf(item), status: 'waived' as const };
    expect(itemDraftProblems(waived).map((p) => p.field)).toEqual(['reason', 'approver']);
  });
});
