import { describe, expect, it } from 'vitest';
import type { ChecklistItemDef } from './checklist-template.ts';
import {
  InvalidChecklistTemplate,
  MAX_TEMPLATE_ITEMS,
  parseChecklistTemplate,
  validateChecklistTemplate,
} from './checklist-template-validate.ts';
import { READINESS_CHECKLIST_V1 as V1 } from './checklist-v1.ts';

const item = (over: Partial<Record<keyof ChecklistItemDef, unknown>> = {}) => ({
  id: 'OPS-1',
  group: 'OPS',
  text: 'Runbook passes validation',
  why: 'Operators run it',
  evidence: 'Validator verdict',
  applies: { required: ['WEB'], recommended: [] },
  ...over,
});
const template = (items: unknown[], over: Record<string, unknown> = {}) => ({
  id: 'custom',
  version: 2,
  title: 'Custom checklist',
  weights: { required: 3, recommended: 1 },
  items,
  ...over,
});
const codes = (input: unknown) => validateChecklistTemplate(input).map((p) => `${p.field}:${p.code}`);

describe('validateChecklistTemplate', () => {
  it('accepts a small well-formed template', () => {
    expect(codes(template([item(), item({ id: 'OPS-2' })]))).toEqual([]);
  });

  it('refuses duplicate item ids, naming both places', () => {
    const problems = validateChecklistTemplate(template([item(), item({ id: 'OPS-2' }), item()]));
    expect(problems).toEqual([
      { field: 'items[2].id', code: 'duplicate', message: 'Item id OPS-1 is used twice (items[0] and items[2]).' },
    ]);
  });

  it('names empty texts, unknown groups, types and flags by field', () => {
    const bad = item({
      text: '   ',
      why: '',
      group: 'OOPS',
      applies: { required: ['WEB', 'MOBILE'], recommended: [], whenFlags: ['cloud'] },
    });
    expect(codes(template([bad]))).toEqual([
      'items[0].text:required',
      'items[0].why:required',
      'items[0].group:unknown_group',
      'items[0].applies.required[1]:unknown_type',
      'items[0].applies.whenFlags[0]:unknown_flag',
    ]);
  });

  it('refuses ids of the wrong shape or group, and a type both required and recommended', () => {
    expect(codes(template([item({ id: 'SEC-1' })]))).toEqual(['items[0].id:group_mismatch']);
    expect(codes(template([item({ id: 'ops 1' })]))).toEqual(['items[0].id:bad_id']);
    expect(codes(template([item({ id: '' })]))).toEqual(['items[0].id:required']);
    expect(codes(template([item({ applies: { required: ['WEB'], recommended: ['WEB'] } })]))).toEqual([
      'items[0].applies:conflict',
    ]);
    expect(codes(template([item({ applies: { required: [], recommended: [] } })]))).toEqual([
      'items[0].applies:never_applies',
    ]);
  });

  it('refuses NUL and lone surrogates in text', () => {
    expect(codes(template([item({ text: 'a\u0000b' }), item({ id: 'OPS-2', why: 'x\uD800' })]))).toEqual([
      'items[0].text:control_characters',
      'items[1].why:control_characters',
    ]);
  });

  it('checks the template fields: id, title, version, weights, items', () => {
    expect(codes(template([], { id: 7, title: '', version: 0, weights: { required: -1, recommended: 'x' } }))).toEqual([
      'id:wrong_type',
      'title:required',
      'version:wrong_type',
      'weights.required:wrong_type',
      'weights.recommended:wrong_type',
      'items:required',
    ]);
    expect(codes(template([], { items: 'all' }))).toEqual(['items:required']);
    expect(codes(template([item()], { weights: { required: 0, recommended: 1 } }))).toEqual([
      'weights.required:wrong_type',
    ]);
  });

  it('answers wrong types with a problem, never a throw', () => {
    for (const input of [null, undefined, 42, 'template', [], { items: [null, 3, 'x'] }])
      expect(validateChecklistTemplate(input).length).toBeGreaterThan(0);
    expect(codes(template([null, item({ applies: 'all' })]))).toEqual([
      'items[0]:wrong_type',
      'items[1].applies:required',
    ]);
  });

  it('refuses 10,000 items with one problem, quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item({ id: `OPS-${(i % 9999) + 1}` }));
    const started = performance.now();
    expect(codes(template(many))).toEqual(['items:too_many']);
    expect(performance.now() - started).toBeLessThan(200);
    const limit = Array.from({ length: MAX_TEMPLATE_ITEMS }, (_, i) => item({ id: `OPS-${i + 1}` }));
    expect(codes(template(limit))).toEqual([]);
  });
});

describe('parseChecklistTemplate', () => {
  it('returns a valid template and throws a typed error with every problem otherwise', () => {
    expect(parseChecklistTemplate(V1)).toBe(V1);
    try {
      parseChecklistTemplate(template([item(), item()]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidChecklistTemplate);
      expect((error as InvalidChecklistTemplate).code).toBe('invalid_checklist_template');
      expect((error as InvalidChecklistTemplate).problems.map((p) => p.code)).toEqual(['duplicate']);
    }
  });
});
