import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import {
  addDays,
  blockersLine,
  groupItems,
  isStaleVersion,
  isWebLink,
  localIsoDate,
  reviewFindings,
  scoreColor,
  shareLine,
  sortFindings,
} from './format.ts';
import { anItem } from './test-factories.ts';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'about:blank', title: 't', status, code, detail: 'd', ...extra });

describe('checklist groups', () => {
  it('follow the template order (Scope, Quality, Security…), whatever order the items come in', () => {
    const groups = groupItems([
      anItem({ id: 'OPS-1', group: 'OPS', groupLabel: 'Operations' }),
      anItem({ id: 'SCP-1' }),
      anItem({ id: 'OPS-2', group: 'OPS', groupLabel: 'Operations' }),
    ]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Scope', ['SCP-1']],
      ['Operations', ['OPS-1', 'OPS-2']],
    ]);
  });

  it('leave out groups without items', () => {
    expect(groupItems([])).toEqual([]);
  });
});

describe('readiness words', () => {
  it('say met of total with the share, or that none apply', () => {
    expect(shareLine({ met: 12, total: 26, percent: 46 })).toBe('12 of 26 met (46%)');
    expect(shareLine({ met: 0, total: 0, percent: null })).toBe('none apply');
  });

  it('colour by readiness, not by score alone', () => {
    expect(scoreColor(100, true)).toBe('green');
    expect(scoreColor(95, false)).toBe('orange');
    expect(scoreColor(40, false)).toBe('red');
    expect(scoreColor(null, false)).toBe('gray');
  });

  it('name at most three blockers with their owners', () => {
    expect(blockersLine([])).toBe('None');
    expect(
      blockersLine([
        { itemId: 'SEC-2', owner: 'Ana' },
        { itemId: 'OPS-3', owner: null },
      ]),
    ).toBe('SEC-2 (Ana), OPS-3');
    const five = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'].map((itemId) => ({ itemId, owner: null }));
    expect(blockersLine(five)).toBe('A-1, A-2, A-3 and 2 more');
  });
});

describe('evidence links', () => {
  it('are http(s) addresses only', () => {
    expect(isWebLink('https://ci.example.com/run/12')).toBe(true);
    expect(isWebLink(' http://wiki/x ')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('pack:qa:2')).toBe(false);
    expect(isWebLink('')).toBe(false);
  });
});

describe('validator findings', () => {
  it('come blockers first, then by line', () => {
    const sorted = sortFindings([
      { severity: 'minor' as const, line: 1 },
      { severity: 'blocker' as const, line: 9 },
      { severity: 'major' as const, line: 3 },
      { severity: 'blocker' as const, line: 2 },
    ]);
    expect(sorted.map((f) => `${f.severity}@${f.line}`)).toEqual(['blocker@2', 'blocker@9', 'major@3', 'minor@1']);
  });
});

describe('problems the package API answers', () => {
  it('tell a stale save from other conflicts', () => {
    expect(isStaleVersion(problem(409, 'stale_version'))).toBe(true);
    expect(isStaleVersion(problem(409, 'package_exists'))).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
  });

  it("read a refused review's findings, skipping what is not one", () => {
    const err = problem(422, 'review_invalid', {
      findings: [
        {
          message: 'Accepted while required items still block',
          fix: 'Accept with gaps or reject.',
          severity: 'blocker',
        },
        { nope: true },
        'text',
      ],
    });
    expect(reviewFindings(err)).toEqual([
      {
        message: 'Accepted while required items still block',
        fix: 'Accept with gaps or reject.',
        severity: 'blocker',
        section: undefined,
        rule: undefined,
      },
    ]);
    expect(reviewFindings(problem(422, 'validation_failed', { findings: [{ message: 'x' }] }))).toEqual([]);
    expect(reviewFindings(problem(403, 'not_it_owner'))).toEqual([]);
  });
});

describe('dates', () => {
  it("give today's local date and add calendar days", () => {
    expect(localIsoDate(new Date(2026, 11, 7, 23, 30))).toBe('2026-12-07');
    expect(addDays('2026-12-07', 30)).toBe('2027-01-06');
    expect(addDays('not a date', 3)).toBe('not a date');
  });
});
