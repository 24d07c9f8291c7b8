import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import {
  curlExample,
  eventNameHint,
  inWords,
  isStalePlan,
  newEvent,
  newProperty,
  prdCheckNote,
  propertyNameHint,
  staleVersion,
  toBody,
  toDrafts,
} from './plan-form.ts';

const stale = new ApiError({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code: 'stale_version',
  detail: 'another version was saved',
  current: { version: 3 },
} as ConstructorParameters<typeof ApiError>[0]);

describe('tracking plan form', () => {
  it('gives live feedback on event names with the envelope rule', () => {
    expect(eventNameHint('')).toBeUndefined();
    expect(eventNameHint('report_exported')).toBeUndefined();
    expect(eventNameHint('ReportExported')).toMatch(/object_action/);
    expect(eventNameHint('exported')).toMatch(/object_action/);
    expect(eventNameHint(`a_${'b'.repeat(70)}`)).toBe('At most 64 characters.');
  });

  it('gives live feedback on property names', () => {
    expect(propertyNameHint('format')).toBeUndefined();
    expect(propertyNameHint('report_format')).toBeUndefined();
    expect(propertyNameHint('Report Format')).toMatch(/snake_case/);
  });

  it('turns drafts into the save body, trimmed and in order, and back', () => {
    const e = {
      ...newEvent('Pat'),
      name: ' report_exported ',
      description: ' Exported ',
      status: 'deprecated' as const,
    };
    e.properties = [{ ...newProperty(), name: 'format', type: 'number', description: '' }];
    const body = toBody([e]);
    expect(body).toEqual({
      events: [
        {
          name: 'report_exported',
          description: 'Exported',
          owner: 'Pat',
          status: 'deprecated',
          properties: [{ name: 'format', type: 'number', description: '' }],
        },
      ],
    });
    const back = toDrafts(body.events);
    expect(toBody(back)).toEqual(body);
    expect(back[0]?.key).not.toBe(back[0]?.properties[0]?.key);
  });

  it('says the server reasons in words', () => {
    expect(inWords('Too small: expected string to have >=1 characters')).toBe('Required.');
    expect(inWords('Too big: expected string to have <=200 characters')).toBe('At most 200 characters.');
    expect(inWords('property format is listed twice')).toBe('Property format is listed twice');
    expect(inWords(undefined)).toBeUndefined();
  });

  it('recognises a stale save and names the version saved meanwhile', () => {
    expect(isStalePlan(stale)).toBe(true);
    expect(staleVersion(stale)).toBe(3);
    expect(staleVersion(new Error('x'))).toBeNull();
  });

  it('builds a curl example with a Bearer token for the product and event', () => {
    const curl = curlExample(
      'https://studio.example.com',
      'E2E-1',
      'report_exported',
      new Date('2026-12-07T09:30:00.123Z'),
    );
    expect(curl).toContain('curl -X POST https://studio.example.com/api/v1/events');
    expect(curl).toContain('Authorization: Bearer $PISTUDIO_TOKEN');
    expect(curl).toContain('"event": "report_exported"');
    expect(curl).toContain('"product": "E2E-1"');
    expect(curl).toContain('"occurred_at": "2026-12-07T09:30:00Z"');
  });

  it('says why the PRD check has nothing to compare', () => {
    expect(prdCheckNote({ prd: null, hasSection: false })).toMatch(/no PRD yet/);
    const prd = { documentId: '0193f1a2-7c4d-7e00-9a1b-2c3d4e5f6a7b', version: '1.2' };
    expect(prdCheckNote({ prd, hasSection: false })).toMatch(
      /PRD \(version 1\.2\) has no analytics or metrics section/,
    );
    expect(prdCheckNote({ prd, hasSection: true })).toBeNull();
  });
});
