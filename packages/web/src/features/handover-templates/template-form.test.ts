import { READINESS_CHECKLIST_V1 } from '@pi-studio/core/handover-package/checklist-v1';
import { describe, expect, it } from 'vitest';
import type { ChecklistTemplateBody, TemplateSummary } from './api.ts';
import {
  blankItem,
  changesFrom,
  families,
  itemsForType,
  levelFor,
  nextVersionDraft,
  removeItem,
  setFlag,
  setLevel,
  templateIssues,
  typeCounts,
  updateItem,
} from './template-form.ts';

const v1 = structuredClone(READINESS_CHECKLIST_V1) as unknown as ChecklistTemplateBody;
const summary = (version: number, overrides: Partial<TemplateSummary> = {}): TemplateSummary => ({
  id: 'handover-readiness',
  version,
  title: `Readiness v${version}`,
  items: 39,
  builtIn: version === 1,
  createdBy: null,
  createdAt: null,
  ...overrides,
});

describe('template families', () => {
  it('groups versions by id, newest first, titled by the newest', () => {
    const out = families([summary(1), summary(3), summary(2), summary(1, { id: 'other', title: 'Other' })]);
    expect(out.map((f) => f.id)).toEqual(['handover-readiness', 'other']);
    expect(out[0]?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(out[0]?.title).toBe('Readiness v3');
  });
});

describe('a new version', () => {
  it('copies the base deeply and numbers it after the newest version', () => {
    const draft = nextVersionDraft(v1, 4);
    expect(draft.version).toBe(5);
    expect(draft.items).toHaveLength(v1.items.length);
    draft.items[0]?.applies.required.push('AI');
    expect(v1.items[0]?.applies).toEqual(READINESS_CHECKLIST_V1.items[0]?.applies);
    expect(templateIssues(draft).size).toBe(0);
  });

  it('adds an item numbered after its area, removes one, and names what changed', () => {
    const added = blankItem(v1, 'OPS');
    const opsNumbers = v1.items.filter((i) => i.group === 'OPS').map((i) => Number(i.id.split('-')[1]));
    expect(added.id).toBe(`OPS-${Math.max(...opsNumbers) + 1}`);
    const first = v1.items[0];
    if (!first) throw new Error('no items');
    let draft: ChecklistTemplateBody = { ...nextVersionDraft(v1, 1), items: [...v1.items, added] };
    draft = updateItem(draft, 0, { ...first, text: 'Changed' });
    draft = removeItem(draft, 1);
    expect(changesFrom(v1, draft)).toEqual({ added: [added.id], removed: [v1.items[1]?.id], changed: [first.id] });
  });

  it('names every problem as the server does, at its field', () => {
    const draft = { ...v1, items: [...v1.items, blankItem(v1, 'SUP'), { ...blankItem(v1, 'SUP'), id: 'SCP-1' }] };
    const issues = templateIssues(draft);
    const n = v1.items.length;
    expect(issues.get(`items.${n}.text`)).toMatch(/required/i);
    expect(issues.get(`items.${n}.why`)).toMatch(/required/i);
    expect(issues.has(`items.${n + 1}.id`)).toBe(true);
  });
});

describe('levels per product type', () => {
  const item = blankItem(v1, 'QA');

  it('moves a type between required, recommended and not applicable, keeping type order', () => {
    let next = setLevel(item, 'API', 'recommended');
    expect(levelFor(next, 'API')).toBe('recommended');
    expect(next.applies.required).not.toContain('API');
    next = setLevel(next, 'API', 'required');
    expect(next.applies.required).toEqual(['WEB', 'INT', 'API', 'DATA', 'AI']);
    next = setLevel(next, 'WEB', 'none');
    expect(levelFor(next, 'WEB')).toBe('none');
  });

  it('adds and drops flags, leaving none when the last goes', () => {
    const flagged = setFlag(setFlag(item, 'pii', true), 'ext', true);
    expect(flagged.applies.whenFlags).toEqual(['pii', 'ext']);
    expect('whenFlags' in setFlag(setFlag(flagged, 'pii', false), 'ext', false).applies).toBe(false);
  });

  it('counts and lists the items a type gets', () => {
    const counts = typeCounts(v1);
    const web = itemsForType(v1, 'WEB');
    expect(counts.WEB.required + counts.WEB.recommended).toBe(web.length);
    expect(itemsForType(v1, null)).toHaveLength(v1.items.length);
  });
});
