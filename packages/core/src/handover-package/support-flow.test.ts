import { describe, expect, it } from 'vitest';
import { checkOwnership, type Ownership } from './ownership.ts';
import { checkSupportFlow, type SupportFlow, type SupportTier } from './support-flow.ts';
import { ownershipMarkdown, supportFlowMarkdown } from './support-markdown.ts';
import { isKnownTimeZone, minutesOf } from './support-terms.ts';

const tier = (level: SupportTier['level'], over: Partial<SupportTier> = {}): SupportTier => ({
  level,
  ownerGroup: `${level} team`,
  channels: [{ kind: 'portal', address: 'https://itsm.corp.internal/payouts' }],
  hours: { days: 'mon-fri', from: '08:00', to: '18:00', timeZone: 'Europe/Berlin' },
  responseTarget: { amount: 4, unit: 'business_h' },
  handOff: 'Not a known error: pass ticket with logs and steps',
  ...over,
});
const flow = (...tiers: SupportTier[]): SupportFlow => ({ tiers });
const rulesOf = (f: SupportFlow) => checkSupportFlow(f).map((x) => `${x.section}|${x.rule}`);

describe('checkSupportFlow', () => {
  it('finds nothing when L1–L3 are complete (L3 needs no hand-off when nothing follows)', () => {
    expect(checkSupportFlow(flow(tier('L1'), tier('L2'), tier('L3', { handOff: null })))).toEqual([]);
  });

  it('blocks on a missing required tier, and names duplicates and unknown tiers', () => {
    expect(rulesOf(flow(tier('L1'), tier('L1'), tier('L9' as never), tier('L3')))).toEqual([
      'Support flow > L1|support-flow.duplicate-tier',
      'Support flow > L9|support-flow.unknown-tier',
      'Support flow > L2|support-flow.missing-tier',
    ]);
    expect(checkSupportFlow(flow()).map((f) => f.severity)).toEqual(['blocker', 'blocker', 'blocker']);
  });

  it('wants owner, channel, hours with a time zone, a response target, and hand-off criteria', () => {
    const l1 = tier('L1', {
      ownerGroup: ' ',
      channels: [{ kind: 'email', address: '' }],
      hours: { days: 'mon-fri', from: '08:00', to: '18:00', timeZone: '' },
      responseTarget: { amount: Number.NaN, unit: 'h' },
      handOff: '',
    });
    expect(rulesOf(flow(l1, tier('L2'), tier('L3')))).toEqual([
      'Support flow > L1|support-flow.no-owner',
      'Support flow > L1|support-flow.no-channel',
      'Support flow > L1 > hours|support-flow.no-timezone',
      'Support flow > L1 > response target|support-flow.bad-target',
      'Support flow > L1|support-flow.no-handoff',
    ]);
  });

  it('answers hostile input with findings, never a throw', () => {
    for (const f of [null, {}, { tiers: 'x' }, { tiers: [null, 1, {}] }])
      expect(rulesOf(f as never).filter((r) => r.endsWith('missing-tier'))).toHaveLength(3);
    expect(() => supportFlowMarkdown({ tiers: [null, { level: 'L1' }] as never })).not.toThrow();
  });
});

describe('support terms', () => {
  it('knows IANA time zones and UTC, not made-up ones', () => {
    expect(['Europe/Berlin', 'UTC', 'America/New_York'].map(isKnownTimeZone)).toEqual([true, true, true]);
    expect(['', 'Mars/Olympus', 'CEST or so', 42, 'x'.repeat(100)].map(isKnownTimeZone)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('compares targets in working minutes', () => {
    expect(minutesOf({ amount: 2, unit: 'business_h' })).toBe(120);
    expect(minutesOf({ amount: 1, unit: 'business_d' })).toBeGreaterThan(minutesOf({ amount: 2, unit: 'business_h' }));
  });
});

describe('supportFlowMarkdown', () => {
  it('renders tiers in level order with hours and time zone', () => {
    const md = supportFlowMarkdown(
      flow(tier('L2'), tier('L1', { channels: [{ kind: 'chat', address: '#pay|outs' }] })),
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| L'));
    expect(rows[0]).toBe(
      '| L1 | L1 team | chat: #pay\\|outs | mon-fri 08:00–18:00 (Europe/Berlin) | 4 business h | Not a known error: pass ticket with logs and steps |',
    );
    expect(rows[1]?.startsWith('| L2 |')).toBe(true);
    expect(supportFlowMarkdown(flow())).toContain('No tiers defined yet.');
  });
});

const owners = (): Ownership => ({
  itOwner: { name: 'Ben Lead', id: 'u-ben' },
  supportTeam: { name: 'IT Service Desk', id: 'g-desk' },
  onCall: { name: 'Payments on-call', id: 'g-oncall' },
  businessOwner: { name: 'Carla PO', id: 'u-carla' },
});

describe('checkOwnership', () => {
  it('finds nothing when every role is filled with active people', () => {
    expect(checkOwnership(owners(), { directory: () => 'active' })).toEqual([]);
  });

  it('blocks on an empty role and flags unknown, deactivated and doubled owners', () => {
    const o = { ...owners(), onCall: { name: ' ' }, businessOwner: { name: 'Ben', id: 'U-BEN' } };
    const findings = checkOwnership(o, {
      directory: (p) => (p.id === 'g-desk' ? 'inactive' : p.id ? 'active' : 'unknown'),
    });
    expect(findings.map((f) => `${f.section}|${f.rule}|${f.severity}`)).toEqual([
      'Ownership > Support team|ownership.inactive-person|major',
      'Ownership > On-call rotation|ownership.missing|blocker',
      'Ownership > IT owner|ownership.same-owner|minor',
    ]);
    expect(checkOwnership(null as never).filter((f) => f.rule === 'ownership.missing')).toHaveLength(4);
  });

  it('renders a role table', () => {
    expect(ownershipMarkdown({ itOwner: { name: 'Ben', email: 'ben@corp.internal' } })).toContain(
      '| IT owner | Ben &lt;ben@corp.internal> |\n| Support team | — |',
    );
  });
});
