// The snapshot for chat channels (research §3.2). Slack: an incoming-webhook Block Kit message — header, a section of
// at most 10 fields (tiles), a context line, a button, a text fallback; at most 50 blocks and 3,000 characters per
// section text (split, never fail). Teams: a Workflows webhook posting an Adaptive Card — a FactSet of tiles, one
// table at most, an OpenUrl action, kept under ~28 KB by dropping trailing rows and saying how many more there are.
import {
  formatDelta,
  formatValue,
  REPORT_KIND_LABELS,
  type ReportSection,
  type ReportSnapshot,
  reportSubject,
  type Tile,
} from './snapshot.ts';

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_CHARS = 3000;
export const SLACK_MAX_FIELDS = 10;
export const TEAMS_MAX_BYTES = 28 * 1024;

const tileText = (t: Tile) => {
  const delta = formatDelta(t);
  return `*${t.label}*\n${formatValue(t.value, t.unit)}${delta ? ` (${delta})` : ''}`;
};
const context = (s: ReportSnapshot) => `${s.periodLabel} · ${s.zone} · data as of ${s.watermark}`;
/** Slack's mrkdwn treats &, < and > as control characters. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sectionLines(section: ReportSection): string[] {
  if (section.kind === 'list') return section.items.length ? section.items.map((i) => `• ${i}`) : [section.empty];
  if (section.rows.length === 0) return [section.empty];
  return section.rows.map((r) => `• ${r.map((c, i) => `${section.columns[i]}: ${c}`).join(' · ')}`);
}

/** Splits lines into texts of at most `max` characters (a single longer line is cut). */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

export function slackMessage(s: ReportSnapshot): { text: string; blocks: unknown[] } {
  const blocks: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: `${REPORT_KIND_LABELS[s.kind]} — ${s.periodLabel}`.slice(0, 150) },
    },
    {
      type: 'section',
      fields: s.tiles.slice(0, SLACK_MAX_FIELDS).map((t) => ({ type: 'mrkdwn', text: slackEscape(tileText(t)) })),
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(context(s)) }] },
  ];
  const tail = {
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the report' }, url: s.url }],
  };
  for (const section of s.sections) {
    for (const text of chunkLines(
      [`*${section.title}*`, ...sectionLines(section)].map(slackEscape),
      SLACK_MAX_SECTION_CHARS,
    )) {
      if (blocks.length >= SLACK_MAX_BLOCKS - 2) break;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    }
  }
  blocks.push(tail);
  return { text: reportSubject(s), blocks };
}

type CardElement = Record<string, unknown>;

export function teamsMessage(s: ReportSnapshot): unknown {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
      text: `${REPORT_KIND_LABELS[s.kind]} — ${s.periodLabel}`,
    },
    { type: 'TextBlock', isSubtle: true, wrap: true, spacing: 'None', text: context(s) },
    {
      type: 'FactSet',
      facts: s.tiles.map((t) => ({
        title: t.label,
        value: `${formatValue(t.value, t.unit)} ${formatDelta(t) ?? ''}`.trim(),
      })),
    },
  ];
  const card = (elements: CardElement[]) => ({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: elements,
          actions: [{ type: 'Action.OpenUrl', title: 'Open the report', url: s.url }],
        },
      },
    ],
  });
  const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
  const lines = s.sections.flatMap((section) => [`**${section.title}**`, ...sectionLines(section)]);
  // Each kept line adds its JSON-escaped bytes and a "\n\n" separator; room is kept for the "N more" block.
  let used = bytes(card([...body, textBlock([]), textBlock(['0000000 more in the report.'])]));
  const kept: string[] = [];
  for (const line of lines) {
    const cost = bytes(line) - 2 + 4;
    if (used + cost > TEAMS_MAX_BYTES) break;
    used += cost;
    kept.push(line);
  }
  const left = lines.length - kept.length;
  const more = left ? [textBlock([`${left} more in the report.`])] : [];
  return card(kept.length ? [...body, textBlock(kept), ...more] : [...body, ...more]);
}

const textBlock = (lines: string[]): CardElement => ({ type: 'TextBlock', wrap: true, text: lines.join('\n\n') });
