// The snapshot as Markdown (the CLI's `report --format md`, the PDF's source) and as the plain-text part of the
// e-mail digest: the top numbers first, then each section.
import {
  formatDelta,
  formatValue,
  REPORT_KIND_LABELS,
  type ReportSection,
  type ReportSnapshot,
  tileSentence,
} from './snapshot.ts';

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function reportMarkdown(s: ReportSnapshot): string {
  const out = [
    `# ${REPORT_KIND_LABELS[s.kind]} — ${s.periodLabel}`,
    '',
    `Period ${s.periodLabel} · time zone ${s.zone} · data as of ${s.watermark}`,
    '',
    '| Metric | Value | Change | Target |',
    '|---|---:|---:|---:|',
    ...s.tiles.map(
      (t) =>
        `| ${cell(t.label)} | ${formatValue(t.value, t.unit)} | ${formatDelta(t) ?? '—'} | ${t.target === null ? '—' : formatValue(t.target, t.unit)} |`,
    ),
    '',
    ...s.tiles.map((t) => `- ${tileSentence(t)}`),
  ];
  for (const section of s.sections) out.push('', ...sectionMarkdown(section));
  out.push('', `[Open the live report](${s.url}) · report ${s.id} · generated ${s.generatedAt}`);
  return `${out.join('\n')}\n`;
}

function sectionMarkdown(section: ReportSection): string[] {
  const head = `## ${section.title}`;
  if (section.kind === 'list') {
    return [head, '', ...(section.items.length ? section.items.map((i) => `- ${i}`) : [section.empty])];
  }
  if (section.rows.length === 0) return [head, '', section.empty];
  return [
    head,
    '',
    `| ${section.columns.map(cell).join(' | ')} |`,
    `|${section.columns.map(() => '---').join('|')}|`,
    ...section.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** The plain-text part of the digest: sentences, then sections as indented lines. */
export function reportText(s: ReportSnapshot): string {
  const out = [
    `${REPORT_KIND_LABELS[s.kind]} — ${s.periodLabel}`,
    `Time zone ${s.zone}; data as of ${s.watermark}`,
    '',
    ...s.tiles.map((t) => `* ${tileSentence(t)}`),
  ];
  for (const section of s.sections) {
    out.push('', section.title.toUpperCase());
    if (section.kind === 'list')
      out.push(...(section.items.length ? section.items.map((i) => `  - ${i}`) : [`  ${section.empty}`]));
    else if (section.rows.length === 0) out.push(`  ${section.empty}`);
    else out.push(...section.rows.map((r) => `  - ${r.map((c, i) => `${section.columns[i]}: ${c}`).join('; ')}`));
  }
  out.push('', `Live report: ${s.url}`);
  return `${out.join('\n')}\n`;
}
