// The e-mail digest's HTML part (research §3.2): one 600 px column, table layout, inline CSS, numbers as live text,
// colour by better/worse (never by up/down), and under 100 KB (Gmail clips larger messages): sections are cut with
// "N more in the report" when the budget is reached.
import { reportText } from './render-text.ts';
import {
  formatDelta,
  formatValue,
  REPORT_KIND_LABELS,
  type ReportSection,
  type ReportSnapshot,
  reportSubject,
  type Tile,
  tileState,
} from './snapshot.ts';

export const MAX_EMAIL_HTML_BYTES = 100 * 1024;
/** Room kept for the header, tiles and footer when sections are cut to the budget. */
const SECTION_BUDGET = MAX_EMAIL_HTML_BYTES - 12 * 1024;

export type EmailDigest = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STATE_COLOUR = { good: '#1b7f3b', bad: '#b42318', neutral: '#5b6270' } as const;
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export function emailDigest(s: ReportSnapshot): EmailDigest {
  return { subject: reportSubject(s), text: reportText(s), html: emailHtml(s) };
}

function tileCell(t: Tile): string {
  const delta = formatDelta(t);
  const target = t.target === null ? '' : ` · target ${escapeHtml(formatValue(t.target, t.unit))}`;
  return `<td style="${FONT}padding:8px;border:1px solid #e3e6ea;width:33%;vertical-align:top">
<div style="font-size:12px;color:#5b6270">${escapeHtml(t.label)}</div>
<div style="font-size:22px;font-weight:bold;color:#111">${escapeHtml(formatValue(t.value, t.unit))}</div>
<div style="font-size:12px;color:${STATE_COLOUR[tileState(t)]}">${escapeHtml(delta ?? '—')}${target}</div></td>`;
}

function sectionHtml(section: ReportSection, budget: { left: number }): string {
  const title = `<h2 style="${FONT}font-size:16px;margin:24px 0 8px">${escapeHtml(section.title)}</h2>`;
  const rows = section.kind === 'list' ? section.items.map((i) => [i]) : section.rows;
  if (rows.length === 0) return `${title}<p style="${FONT}color:#5b6270">${escapeHtml(section.empty)}</p>`;
  const head =
    section.kind === 'table'
      ? `<tr>${section.columns.map((c) => `<th style="${FONT}text-align:left;font-size:12px;padding:4px;border-bottom:1px solid #ccd">${escapeHtml(c)}</th>`).join('')}</tr>`
      : '';
  const body: string[] = [];
  for (const r of rows) {
    const tr = `<tr>${r.map((c) => `<td style="${FONT}font-size:13px;padding:4px;border-bottom:1px solid #eef">${escapeHtml(c)}</td>`).join('')}</tr>`;
    if (tr.length > budget.left) break;
    budget.left -= tr.length;
    body.push(tr);
  }
  const more =
    body.length < rows.length
      ? `<p style="${FONT}font-size:12px;color:#5b6270">${rows.length - body.length} more in the report.</p>`
      : '';
  return `${title}<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${head}${body.join('')}</table>${more}`;
}

function emailHtml(s: ReportSnapshot): string {
  const tiles: string[] = [];
  for (let i = 0; i < s.tiles.length; i += 3)
    tiles.push(
      `<tr>${s.tiles
        .slice(i, i + 3)
        .map(tileCell)
        .join('')}</tr>`,
    );
  const budget = { left: SECTION_BUDGET };
  const url = escapeHtml(s.url);
  return `<!doctype html><html><body style="margin:0;padding:0;background:#f5f6f8">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#fff;padding:16px">
<tr><td style="${FONT}">
<h1 style="${FONT}font-size:20px;margin:0">${escapeHtml(REPORT_KIND_LABELS[s.kind])} — ${escapeHtml(s.periodLabel)}</h1>
<p style="${FONT}font-size:12px;color:#5b6270">Time zone ${escapeHtml(s.zone)} · data as of ${escapeHtml(s.watermark)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${tiles.join('')}</table>
${s.sections.map((sec) => sectionHtml(sec, budget)).join('\n')}
<p style="${FONT}margin-top:24px"><a href="${url}" style="color:#1a56db">Open the live report</a></p>
<p style="${FONT}font-size:11px;color:#8a8f98">Report ${escapeHtml(s.id)} · generated ${escapeHtml(s.generatedAt)} · manage these e-mails in PI Studio under Account → Notifications.</p>
</td></tr></table></td></tr></table></body></html>`;
}
