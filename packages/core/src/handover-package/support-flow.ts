// Support flow (checklist SUP-1, research/handover.md §3): who users reach at each tier, how, when and how fast.
// L1 service desk, L2 application support and L3 engineering must each be defined; L0 self-service and L4 vendors
// are optional. The checks return findings in the gate's format, criterion `support-flow`.
import { rules } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { artifactFinding } from './findings.ts';
import { type CoverageHours, type Duration, hoursProblem, isDuration } from './support-terms.ts';
import { cleanText, hasText, listOf } from './text.ts';

export const SUPPORT_LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
export const REQUIRED_LEVELS: readonly SupportLevel[] = ['L1', 'L2', 'L3'];

export type SupportChannel = {
  kind: 'portal' | 'email' | 'phone' | 'chat' | 'pager' | 'self-service';
  address: string;
};

export type SupportTier = {
  level: SupportLevel;
  /** The group that owns the tier, e.g. "IT Service Desk". */
  ownerGroup: string;
  channels: readonly SupportChannel[];
  hours: CoverageHours;
  /** SLA: first response within. */
  responseTarget: Duration;
  /** When this tier hands a ticket on, and what context goes with it. */
  handOff?: string | null;
};

export type SupportFlow = { tiers: readonly SupportTier[] };

export const SUPPORT_FLOW_CRITERION = 'support-flow';

export const SUPPORT_FLOW_RULES = rules('support-flow', {
  'missing-tier': ['blocker', 'A required support tier (L1, L2, L3) is missing'],
  'duplicate-tier': ['major', 'A support tier is defined twice'],
  'unknown-tier': ['major', 'A tier that is not L0–L4'],
  'no-owner': ['major', 'A tier without an owner group'],
  'no-channel': ['major', 'A tier without a channel'],
  'no-timezone': ['major', 'Support hours without a time zone'],
  'bad-hours': ['major', 'Support hours that cannot be read'],
  'bad-target': ['major', 'A response target that is not a number with a unit'],
  'no-handoff': ['minor', 'An escalating tier says not when it hands on'],
});
const R = SUPPORT_FLOW_RULES;

export function checkSupportFlow(flow: SupportFlow): Finding[] {
  const out: Finding[] = [];
  const add = (rule: (typeof R)[keyof typeof R], path: string[], message: string, fix: string) =>
    out.push(artifactFinding(SUPPORT_FLOW_CRITERION, rule, ['Support flow', ...path], message, fix));
  const tiers = listOf(flow?.tiers);
  const seen = new Set<string>();
  for (const [i, tier] of tiers.entries()) {
    const level = cleanText(tier?.level, 10);
    const at = level || `tier ${i + 1}`;
    if (!(SUPPORT_LEVELS as readonly string[]).includes(level)) {
      add(R['unknown-tier'], [at], `Tier "${at}" is not one of L0–L4.`, 'Use L0 self-service to L4 vendor.');
      continue;
    }
    if (seen.has(level)) {
      add(R['duplicate-tier'], [at], `${level} is defined twice.`, 'Merge the two into one tier.');
      continue;
    }
    seen.add(level);
    if (!hasText(tier.ownerGroup))
      add(R['no-owner'], [at], `${level} has no owner group.`, 'Name the group that runs this tier.');
    const channels = listOf(tier.channels).filter((c) => hasText(c?.address));
    if (channels.length === 0)
      add(R['no-channel'], [at], `${level} has no channel.`, 'Give at least one portal, email, phone or chat.');
    const hours = hoursProblem(tier.hours);
    if (hours)
      add(
        R[hours.rule],
        [at, 'hours'],
        `${level}: ${hours.message}.`,
        'Write hours like "mon-fri 08:00–18:00 Europe/Berlin".',
      );
    if (!isDuration(tier.responseTarget))
      add(
        R['bad-target'],
        [at, 'response target'],
        `${level} has no response target.`,
        'A number and a unit, e.g. 4 business h.',
      );
    if (level !== 'L4' && tiers.some((t) => t?.level > level) && !hasText(tier.handOff))
      add(
        R['no-handoff'],
        [at],
        `${level} does not say when it hands a ticket on.`,
        'State the hand-off criteria and the context to pass on.',
      );
  }
  for (const level of REQUIRED_LEVELS)
    if (!seen.has(level))
      add(
        R['missing-tier'],
        [level],
        `No ${level} tier.`,
        `Define ${level}: owner group, channels, hours and response target.`,
      );
  return out;
}
