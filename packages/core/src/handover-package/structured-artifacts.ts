// The package's support flow, escalation matrix and ownership are kept as Markdown (the templates' tables, edited by
// people). This reads the tables back into the structured forms core checks (checkSupportFlow, checkEscalationMatrix,
// checkOwnership) and answers one report per artifact: findings in the gate's format, a score and a verdict. A
// blocker fails the artifact (its checklist item — SUP-1, SUP-2, OWN-2 — keeps blocking); majors make it
// conditional. Unfilled cells (empty, "—") read as missing. Pure; tables come from markdownBlocks (GFM).
import type { Finding, Verdict } from '../gate/types.ts';
import { type Block, markdownBlocks } from '../markdown/blocks.ts';
import { checkEscalationMatrix, type EscalationMatrix, type EscalationStep, SEVERITIES } from './escalation-matrix.ts';
import { checkOwnership, type Ownership } from './ownership.ts';
import { checkSupportFlow, type SupportChannel, type SupportFlow, type SupportTier } from './support-flow.ts';
import type { CoverageHours, Duration, PersonRef } from './support-terms.ts';

export const STRUCTURED_KINDS = ['support', 'escalation', 'ownership'] as const;
export type StructuredKind = (typeof STRUCTURED_KINDS)[number];

/** The checklist item each structured artifact proves. */
export const STRUCTURED_ITEM: Readonly<Record<StructuredKind, string>> = {
  support: 'SUP-1',
  escalation: 'SUP-2',
  ownership: 'OWN-2',
};

export type StructuredReport = { score: number; verdict: Verdict; findings: Finding[] };

type Table = { header: string[]; rows: string[][] };

const EMPTY = /^[\s—–-]*$/;
const cell = (row: readonly string[], i: number) => {
  const v = i >= 0 ? (row[i] ?? '').trim() : '';
  return EMPTY.test(v) ? '' : v;
};

function tables(markdown: string): { blocks: Block[]; tables: Table[] } {
  const blocks = markdownBlocks(typeof markdown === 'string' ? markdown : '');
  return { blocks, tables: blocks.flatMap((b) => (b.type === 'table' ? [{ header: b.header, rows: b.rows }] : [])) };
}

const column = (t: Table, pattern: RegExp, from = 0) => t.header.findIndex((h, i) => i >= from && pattern.test(h));

const UNITS: readonly [RegExp, Duration['unit'], Duration['unit']][] = [
  [/^m(in(ute)?s?)?$/, 'min', 'min'],
  [/^(h|hrs?|hours?)$/, 'h', 'business_h'],
  [/^(d|days?)$/, 'd', 'business_d'],
];

/** "15 min", "4 business h", "1 business day", "2 hours" → a duration; anything else → null. */
export function parseDuration(text: string): Duration | null {
  const m = /(\d+(?:\.\d+)?)\s*(business\s+)?([a-z]+)/i.exec(text);
  if (!m) return null;
  const word = (m[3] ?? '').toLowerCase();
  const unit = UNITS.find(([re]) => re.test(word));
  if (!unit) return null;
  return { amount: Number(m[1]), unit: m[2] ? unit[2] : unit[1] };
}

const DAYS: readonly [RegExp, CoverageHours['days']][] = [
  [/24\s*[x×/]\s*7/i, '24x7'],
  [/mon\s*[-–]\s*fri/i, 'mon-fri'],
  [/mon\s*[-–]\s*sat/i, 'mon-sat'],
  [/mon\s*[-–]\s*sun/i, 'mon-sun'],
];

/** "24x7 Europe/Berlin", "mon-fri 08:00–18:00 (UTC)" → coverage hours (the time zone is checked by core); or null. */
export function parseHours(text: string): CoverageHours | null {
  const days = DAYS.find(([re]) => re.test(text))?.[1];
  if (!days) return null;
  const times = /(\d{2}:\d{2})\s*[-–—]\s*(\d{2}:\d{2})/.exec(text);
  const zone = /\b(UTC|GMT|[A-Z][A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)\b/.exec(text)?.[1] ?? '';
  return { days, from: times?.[1] ?? null, to: times?.[2] ?? null, timeZone: zone };
}

const EMAIL = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[A-Za-z]{2,}/;

/** "Ada Lovelace <ada@example.org>", "ada@example.org" or a name → a person reference; empty → null. */
export function parsePerson(text: string): PersonRef | null {
  const clean = text.trim();
  if (!clean) return null;
  const email = EMAIL.exec(clean)?.[0] ?? null;
  const name = clean
    .replace(EMAIL, '')
    .replace(/[<>()]/g, '')
    .trim();
  return { name: name || email || clean, email };
}

const CHANNEL_KINDS: readonly [RegExp, SupportChannel['kind']][] = [
  [/@/, 'email'],
  [/^\+?[\d\s()/-]{6,}$/, 'phone'],
  [/pager|pagerduty|opsgenie/i, 'pager'],
  [/slack|teams|chat/i, 'chat'],
  [/faq|self|wiki|kb/i, 'self-service'],
];

function parseChannels(text: string): SupportChannel[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !EMPTY.test(s))
    .map((address) => ({ kind: CHANNEL_KINDS.find(([re]) => re.test(address))?.[1] ?? 'portal', address }));
}

/** The text under a heading (e.g. "How a ticket moves"), guidance comments aside. */
function sectionText(blocks: readonly Block[], heading: RegExp): string {
  const at = blocks.findIndex((b) => b.type === 'heading' && heading.test(b.runs.map((r) => r.text).join('')));
  if (at < 0) return '';
  const out: string[] = [];
  for (const b of blocks.slice(at + 1)) {
    if (b.type === 'heading') break;
    if (b.type === 'paragraph' || b.type === 'item') out.push(b.runs.map((r) => r.text).join(''));
  }
  return out.join(' ').trim();
}

export function parseSupportFlow(markdown: string): SupportFlow {
  const { blocks, tables: all } = tables(markdown);
  const t = all.find((x) => column(x, /^(level|tier)/i) >= 0);
  if (!t) return { tiers: [] };
  const c = {
    level: column(t, /^(level|tier)/i),
    who: column(t, /who|owner|group|team/i),
    channel: column(t, /channel/i),
    hours: column(t, /hours/i),
    response: column(t, /response/i),
    handOff: column(t, /hand/i),
  };
  const moves = sectionText(blocks, /ticket moves|hand.?off|hands? on/i);
  const tiers: SupportTier[] = t.rows
    .filter((row) => cell(row, c.level) !== '')
    .map((row) => ({
      level: cell(row, c.level).toUpperCase() as SupportTier['level'],
      ownerGroup: cell(row, c.who),
      channels: parseChannels(cell(row, c.channel)),
      hours: parseHours(cell(row, c.hours)) as CoverageHours,
      responseTarget: parseDuration(cell(row, c.response)) as Duration,
      handOff: cell(row, c.handOff) || moves || null,
    }));
  return { tiers };
}

/** "Primary / Backup" or "Primary (backup: Backup)" in one cell. */
function primaryAndBackup(text: string): [PersonRef | null, PersonRef | null] {
  const m = /^(.*?)\s*(?:\/|\(\s*backup:?\s*)(.*?)\)?\s*$/i.exec(text);
  return m ? [parsePerson(m[1] ?? ''), parsePerson(m[2] ?? '')] : [parsePerson(text), null];
}

export function parseEscalationMatrix(markdown: string): EscalationMatrix {
  const t = tables(markdown).tables.find((x) => column(x, /severity/i) >= 0);
  if (!t) return { severities: [] };
  const sev = column(t, /severity/i);
  const first = column(t, /first|primary|contact/i);
  const within1 = column(t, /within|ack/i, first + 1);
  const then = column(t, /then|next|second/i, within1 + 1);
  const within2 = column(t, /within|after/i, then + 1);
  const coverage = column(t, /coverage|hours/i);
  const severities = t.rows
    .filter((row) => (SEVERITIES as readonly string[]).includes(cell(row, sev).toUpperCase()))
    .map((row) => {
      const ack = parseDuration(cell(row, within1));
      const step = (who: string, after: string, role: string): EscalationStep => {
        const [primary, backup] = primaryAndBackup(who);
        return { role, primary, backup, channels: [], escalateAfter: parseDuration(after) as Duration };
      };
      const steps = [step(cell(row, first), cell(row, within1), 'First contact')];
      if (cell(row, then) !== '') steps.push(step(cell(row, then), cell(row, within2), 'Then'));
      const hours = parseHours(cell(row, coverage)) ?? parseHours(row.join(' '));
      return {
        severity: cell(row, sev).toUpperCase() as (typeof SEVERITIES)[number],
        acknowledge: ack as Duration,
        coverage: hours as CoverageHours,
        steps,
      };
    });
  return { severities };
}

const ROLES: readonly [RegExp, keyof Ownership][] = [
  [/it\s*owner/i, 'itOwner'],
  [/support/i, 'supportTeam'],
  [/on.?call/i, 'onCall'],
  [/business|po\b|vb\b/i, 'businessOwner'],
];

export function parseOwnership(markdown: string): Ownership {
  const t = tables(markdown).tables.find((x) => column(x, /^role/i) >= 0);
  if (!t) return {};
  const role = column(t, /^role/i);
  const who = column(t, /who|name|owner/i, role + 1);
  const contact = column(t, /contact|e-?mail/i);
  const out: Ownership = {};
  for (const row of t.rows) {
    const key = ROLES.find(([re]) => re.test(cell(row, role)))?.[1];
    if (!key || out[key]) continue;
    const person = parsePerson(cell(row, who));
    const email = EMAIL.exec(cell(row, contact))?.[0];
    out[key] = person && email && !person.email ? { ...person, email } : person;
  }
  return out;
}

const PENALTY = { blocker: 25, major: 8, minor: 2, info: 0 } as const;

/** Findings, a score (100 less 25 per blocker, 8 per major, 2 per minor) and the verdict of one artifact's text. */
export function checkStructuredArtifact(kind: StructuredKind, markdown: string): StructuredReport {
  const findings =
    kind === 'support'
      ? checkSupportFlow(parseSupportFlow(markdown))
      : kind === 'escalation'
        ? checkEscalationMatrix(parseEscalationMatrix(markdown))
        : checkOwnership(parseOwnership(markdown));
  const score = Math.max(0, 100 - findings.reduce((n, f) => n + PENALTY[f.severity], 0));
  const verdict: Verdict = findings.some((f) => f.severity === 'blocker')
    ? 'fail'
    : findings.some((f) => f.severity === 'major')
      ? 'conditional'
      : 'pass';
  return { score, verdict, findings };
}

export function isStructuredKind(kind: string): kind is StructuredKind {
  return (STRUCTURED_KINDS as readonly string[]).includes(kind);
}
