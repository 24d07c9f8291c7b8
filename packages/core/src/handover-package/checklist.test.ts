import { describe, expect, it } from 'vitest';
import { checklistFor, describeApplicability, withOverrides } from './checklist.ts';
import { CHECKLIST_GROUPS } from './checklist-template.ts';
import { validateChecklistTemplate } from './checklist-template-validate.ts';
import { READINESS_CHECKLIST_V1 as V1 } from './checklist-v1.ts';

// The "Req?" and "Applies to" columns of research/handover.md §1, copied by hand: the template data must say the same.
const TABLE: Record<string, [string, string]> = {
  'SCP-1': ['Req', 'all'],
  'SCP-2': ['Req', 'all'],
  'SCP-3': ['Req', 'all'],
  'SCP-4': ['Rec', 'all'],
  'QA-1': ['Req', 'all'],
  'QA-2': ['Req', 'all'],
  'QA-3': ['Req', 'all'],
  'QA-4': ['Req', 'WEB, API; Rec others'],
  'QA-5': ['Req if ext', 'WEB, API'],
  'QA-6': ['Req', 'WEB; Rec INT'],
  'QA-7': ['Req', 'AI'],
  'SEC-1': ['Req', 'all'],
  'SEC-2': ['Req', 'all'],
  'SEC-3': ['Req', 'all'],
  'SEC-4': ['Req', 'WEB, API, AI; Rec INT, DATA'],
  'SEC-5': ['Req if ext or pii', 'WEB, API, AI'],
  'SEC-6': ['Req', 'WEB, INT, AI'],
  'SEC-7': ['Req if pii', 'all'],
  'OPS-1': ['Req', 'all'],
  'OPS-2': ['Req', 'all'],
  'OPS-3': ['Req', 'all'],
  'OPS-4': ['Req', 'all'],
  'OPS-5': ['Req', 'WEB, API, DATA; Rec INT, AI'],
  'OPS-6': ['Req', 'WEB, API, DATA; Rec INT'],
  'OPS-7': ['Req if stateful', 'all'],
  'OPS-8': ['Rec; Req for AI', 'all'],
  'SUP-1': ['Req', 'all'],
  'SUP-2': ['Req', 'all'],
  'SUP-3': ['Req', 'WEB, INT; Rec others'],
  'SUP-4': ['Req', 'all'],
  'SUP-5': ['Req', 'all'],
  'DOC-1': ['Req', 'all'],
  'DOC-2': ['Req', 'WEB, INT, AI; Rec API, DATA'],
  'DOC-3': ['Req', 'all'],
  'DOC-4': ['Req', 'API'],
  'OWN-1': ['Req', 'all'],
  'OWN-2': ['Req', 'all'],
  'OWN-3': ['Req', 'all'],
  'OWN-4': ['Req', 'all'],
};

describe('readiness checklist template v1', () => {
  it('holds the 39 items of the research table, in its order, and is a valid template', () => {
    expect(V1.version).toBe(1);
    expect(V1.items.map((i) => i.id)).toEqual(Object.keys(TABLE));
    expect(validateChecklistTemplate(V1)).toEqual([]);
    const perGroup = Object.fromEntries(CHECKLIST_GROUPS.map((g) => [g, V1.items.filter((i) => i.group === g).length]));
    expect(perGroup).toEqual({ SCP: 4, QA: 7, SEC: 7, OPS: 8, SUP: 5, DOC: 4, OWN: 4 });
  });

  it.each(Object.entries(TABLE))('%s applies as the table says', (id, [req, appliesTo]) => {
    const item = V1.items.find((i) => i.id === id);
    expect(item && describeApplicability(item.applies)).toEqual({ req, appliesTo });
  });

  it('every item has text, why and evidence', () => {
    for (const item of V1.items) for (const f of [item.text, item.why, item.evidence]) expect(f.trim()).not.toBe('');
  });
});

describe('checklistFor', () => {
  const level = (list: ReturnType<typeof checklistFor>, id: string) => list.items.find((i) => i.id === id);

  it('makes flag-bound items required only with the flag, N/A with the reason otherwise', () => {
    const internetWeb = checklistFor(V1, { type: 'WEB', flags: ['ext'] });
    expect(level(internetWeb, 'QA-5')).toMatchObject({ level: 'required', reason: 'Required for WEB (ext)' });
    const intranetWeb = checklistFor(V1, { type: 'WEB', flags: [] });
    expect(level(intranetWeb, 'QA-5')).toMatchObject({ level: 'not_applicable', reason: 'N/A: not internet-facing' });
    expect(level(intranetWeb, 'SEC-5')?.reason).toBe('N/A: not internet-facing and no personal or financial data');
    expect(level(checklistFor(V1, { type: 'API', flags: ['pii'] }), 'SEC-5')?.level).toBe('required');
    expect(level(intranetWeb, 'OPS-7')?.reason).toBe('N/A: owns no data');
  });

  it('grades by product type: required, recommended (optional) or not applicable', () => {
    const ai = checklistFor(V1, { type: 'AI', flags: [] });
    const data = checklistFor(V1, { type: 'DATA', flags: [] });
    expect(level(ai, 'OPS-8')?.level).toBe('required');
    expect(level(data, 'OPS-8')).toMatchObject({ level: 'optional', reason: 'Recommended for DATA' });
    expect(level(data, 'QA-6')).toMatchObject({ level: 'not_applicable', reason: 'N/A: applies to WEB, INT only' });
    expect(level(data, 'DOC-4')?.level).toBe('not_applicable');
    expect(level(checklistFor(V1, { type: 'API', flags: [] }), 'DOC-4')?.level).toBe('required');
  });

  it('keeps every item, and counts differ by profile as the table implies', () => {
    const count = (type: 'WEB' | 'INT', flags: ('pii' | 'ext' | 'stateful')[]) => {
      const items = checklistFor(V1, { type, flags }).items;
      expect(items).toHaveLength(39);
      return items.filter((i) => i.level === 'required').length;
    };
    // 23 items are "Req, all" without a flag; WEB adds QA-4, QA-6, SEC-4, SEC-6, OPS-5, OPS-6, SUP-3, DOC-2, and
    // its flags add QA-5, SEC-5, SEC-7, OPS-7; INT adds SEC-6, SUP-3, DOC-2.
    expect(count('WEB', [])).toBe(23 + 8);
    expect(count('WEB', ['ext', 'pii', 'stateful'])).toBe(23 + 8 + 4);
    expect(count('INT', [])).toBe(23 + 3);
  });

  it('names the template version it came from', () => {
    expect(checklistFor(V1, { type: 'WEB', flags: [] }).template).toEqual({ id: 'handover-readiness', version: 1 });
  });
});

describe('withOverrides', () => {
  it('makes an applicable item required or optional and keeps the template level; N/A stays N/A', () => {
    const base = checklistFor(V1, { type: 'WEB', flags: [] });
    const required = base.items.find((i) => i.level === 'required');
    const optional = base.items.find((i) => i.level === 'optional');
    const na = base.items.find((i) => i.level === 'not_applicable');
    if (!required || !optional || !na) throw new Error('fixture');
    const out = withOverrides(
      base,
      new Map([
        [required.id, { required: false, reason: 'Covered by the platform' }],
        [optional.id, { required: true, reason: null }],
        [na.id, { required: true, reason: null }],
      ]),
    );
    const byId = new Map(out.items.map((i) => [i.id, i]));
    expect(byId.get(required.id)).toMatchObject({
      level: 'optional',
      templateLevel: 'required',
      reason: 'Made optional: Covered by the platform',
    });
    expect(byId.get(optional.id)).toMatchObject({ level: 'required', templateLevel: 'optional' });
    expect(byId.get(na.id)).toMatchObject({ level: 'not_applicable', templateLevel: 'not_applicable' });
  });
});
