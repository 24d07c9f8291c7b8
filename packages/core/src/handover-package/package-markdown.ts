// The whole handover package as one Markdown document: what the export's PDF and DOCX are rendered from, and the
// `package.md` of the zip. Pure: the package as the API answers it, the artifacts' newest texts, the packs' latest
// versions and the gap log are passed in. Artifact texts are embedded with their headings moved under the artifact's
// own heading, so the document keeps one outline.
import type { ArtifactKind, HandoverPackage, PostHandoverGap } from '../contract/handover-package.ts';
import { mdInline, mdTable } from './text.ts';

export type ExportArtifact = { kind: ArtifactKind; label: string; version: number; body: string };
export type ExportPack = { kind: string; version: number; fileName: string; verdict: string; score: number };

export type PackageExportInput = {
  pkg: HandoverPackage;
  artifacts: readonly ExportArtifact[];
  packs: readonly ExportPack[];
  gaps: readonly PostHandoverGap[];
  /** ISO timestamp of the export. */
  generatedAt: string;
};

const STATUS_WORDS = { open: 'Open (not accepted yet)', accepted: 'Accepted by IT' } as const;

/** Moves every ATX heading of `body` down by `levels` (capped at 6), outside fenced code blocks. */
export function demoteHeadings(body: string, levels: number): string {
  let fence: string | null = null;
  return body
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open) {
        const mark = open[1] ?? '';
        if (fence === null) fence = mark[0] ?? null;
        else if (mark[0] === fence) fence = null;
        return line;
      }
      if (fence !== null) return line;
      const h = /^(\s{0,3})(#{1,6})(\s|$)/.exec(line);
      if (!h) return line;
      const depth = Math.min(6, (h[2] ?? '').length + levels);
      return `${h[1] ?? ''}${'#'.repeat(depth)}${line.slice((h[1] ?? '').length + (h[2] ?? '').length)}`;
    })
    .join('\n');
}

function header(input: PackageExportInput): string[] {
  const { pkg } = input;
  const title = `# Handover package: ${mdInline(pkg.productName)} (${mdInline(pkg.productCode)}), release ${mdInline(pkg.release)}`;
  const accepted = pkg.acceptedAt
    ? `${pkg.acceptedAt.slice(0, 10)}${pkg.acceptedOnFirstHandover ? ', on the first handover' : ', after an earlier rejection'}`
    : 'not yet';
  return [
    title,
    '',
    `- Status: ${STATUS_WORDS[pkg.status]}; accepted: ${accepted}`,
    `- Target date: ${pkg.targetDate ?? 'not set'}`,
    ...(pkg.earlyLifeSupport
      ? [
          `- Early-life support: ${pkg.earlyLifeSupport.startsOn} to ${pkg.earlyLifeSupport.endsOn} (${pkg.earlyLifeSupport.days} days, ${pkg.earlyLifeSupport.statusLabel.toLowerCase()})`,
        ]
      : []),
    `- Product type: ${pkg.profile.type}${pkg.profile.flags.length ? ` (${pkg.profile.flags.join(', ')})` : ''}`,
    `- Checklist: ${mdInline(pkg.template.title)} v${pkg.template.version}`,
    `- UAT sign-off covered: ${pkg.signoffKey ? mdInline(pkg.signoffKey) : 'none recorded'}`,
    `- Exported: ${input.generatedAt.replace('T', ' ').slice(0, 16)} UTC`,
    '',
  ];
}

function readiness({ pkg }: PackageExportInput): string[] {
  const r = pkg.readiness;
  const share = (s: { met: number; total: number }) => `${s.met} of ${s.total}`;
  const out = [
    '## Readiness',
    '',
    `Score **${r.score}%**, ${r.ready ? 'ready: no required item blocks' : `${r.blocking.length} required item(s) block`}. Required met: ${share(r.required)}; recommended met: ${share(r.recommended)}.`,
    '',
  ];
  if (r.blocking.length)
    out.push(
      ...mdTable(
        ['Blocking item', 'What', 'Owner', 'Why'],
        r.blocking.map((b) => [b.itemId, b.label, b.owner ?? 'unassigned', b.message]),
      ),
      '',
    );
  if (r.waived.length)
    out.push(
      '### Waived',
      '',
      ...mdTable(
        ['Item', 'Reason', 'Approver'],
        r.waived.map((w) => [w.itemId, w.reason, w.approver]),
      ),
      '',
    );
  return out;
}

function checklist({ pkg }: PackageExportInput): string[] {
  const out = ['## Checklist', ''];
  const groups = [...new Set(pkg.items.map((i) => i.groupLabel))];
  for (const group of groups) {
    const items = pkg.items.filter((i) => i.groupLabel === group && i.level !== 'not_applicable');
    if (items.length === 0) continue;
    out.push(
      `### ${mdInline(group)}`,
      '',
      ...mdTable(
        ['Item', 'Requirement', 'Level', 'Status', 'Owner', 'Evidence'],
        items.map((i) => [
          i.id,
          i.text,
          `${i.level === 'required' ? 'Required' : 'Recommended'}${i.levelOverride ? ' (changed from the template)' : ''}`,
          i.statusLabel,
          i.owner ?? '',
          [
            ...i.evidence.map((e) => `${e.ref}${e.validation ? ` (${e.validation})` : ''}`),
            ...i.files.map((f) => `file ${f.fileName}`),
          ].join('; '),
        ]),
      ),
      '',
    );
  }
  const na = pkg.items.filter((i) => i.level === 'not_applicable');
  if (na.length) out.push(`Not applicable to this product: ${na.map((i) => i.id).join(', ')}.`, '');
  return out;
}

function artifacts(input: PackageExportInput): string[] {
  const out = ['## Artifacts', ''];
  if (input.artifacts.length === 0) return [...out, 'No artifact written yet.', ''];
  for (const a of input.artifacts)
    out.push(`### ${mdInline(a.label)} (version ${a.version})`, '', demoteHeadings(a.body.trim(), 3), '');
  return out;
}

function packs(input: PackageExportInput): string[] {
  if (input.packs.length === 0) return ['## Validated packs', '', 'No pack uploaded.', ''];
  return [
    '## Validated packs',
    '',
    ...mdTable(
      ['Kind', 'Version', 'File', 'Verdict', 'Score'],
      input.packs.map((p) => [p.kind, p.version, p.fileName, p.verdict, p.score]),
    ),
    '',
  ];
}

function reviews({ pkg }: PackageExportInput): string[] {
  const out = ['## Readiness reviews', ''];
  if (pkg.reviews.length === 0) return [...out, 'No review held yet.', ''];
  for (const r of pkg.reviews) {
    out.push(
      `### Review ${r.number}, ${r.reviewDate}: ${r.decisionLabel}`,
      '',
      `Decided by ${mdInline(r.decidedBy?.name ?? 'unknown')} at a readiness of ${r.score}%. Attendees: ${r.attendees.map((a) => `${mdInline(a.name)} (${mdInline(a.role)})`).join(', ')}.`,
      '',
    );
    if (r.gaps.length)
      out.push(
        ...mdTable(
          ['Gap', 'Item', 'Severity', 'Owner', 'Due'],
          r.gaps.map((g) => [g.description, g.itemId ?? '', g.severity, g.owner, g.dueDate]),
        ),
        '',
      );
    if (r.rejectionItemIds.length) out.push(`Blocking items named: ${r.rejectionItemIds.join(', ')}.`, '');
    if (r.notes) out.push(mdInline(r.notes), '');
  }
  return out;
}

function ownership({ pkg }: PackageExportInput): string[] {
  const o = pkg.ownership;
  if (!o) return ['## Ownership after handover', '', 'Not confirmed by the IT owner yet.', ''];
  const out = [
    '## Ownership after handover',
    '',
    `Confirmed by ${mdInline(o.confirmedBy?.name ?? 'unknown')} on ${o.confirmedAt.slice(0, 10)}.`,
    '',
    `- Runs it: ${mdInline(o.runBy)}`,
    `- Supports it: ${mdInline(o.supportedBy)}`,
    `- On call: ${o.onCall ? mdInline(o.onCall) : 'none named'}`,
    '',
  ];
  if (o.openItems.length)
    out.push(
      ...mdTable(
        ['Open item', 'Owner', 'Due'],
        o.openItems.map((i) => [i.text, i.owner, i.dueDate]),
      ),
      '',
    );
  return out;
}

function gaps(input: PackageExportInput): string[] {
  if (input.gaps.length === 0) return ['## Post-handover gaps', '', 'None reported.', ''];
  return [
    '## Post-handover gaps',
    '',
    ...mdTable(
      ['Reported', 'Gap', 'Severity', 'Should have been caught by'],
      input.gaps.map((g) => [g.reportedOn, g.title, g.severity, g.itemId ? `${g.itemId} ${g.itemLabel ?? ''}` : '']),
    ),
    '',
  ];
}

export function packageMarkdown(input: PackageExportInput): string {
  return [
    ...header(input),
    ...readiness(input),
    ...checklist(input),
    ...artifacts(input),
    ...packs(input),
    ...reviews(input),
    ...ownership(input),
    ...gaps(input),
  ].join('\n');
}
