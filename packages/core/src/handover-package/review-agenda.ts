// The handover readiness review's agenda, generated from the package (research/handover.md §6): what IT reads
// before the meeting and walks through in it. Structured first (the UI lists it), then Markdown (the invite and
// the export). Pure: the review date and attendees are the meeting record's, not the agenda's.
import type { Verdict } from '../gate/types.ts';
import type { Readiness } from './readiness-score.ts';
import { DECISION_LABELS, DECISIONS, type Gap } from './review-decision.ts';
import { mdInline, mdTable } from './text.ts';

export type ArtifactStatus = {
  kind: string;
  title: string;
  version?: number | string | null;
  /** The validator's result, or null when not validated yet. */
  validation: { verdict: Verdict; score: number; blockers: number } | null;
};

export type AgendaInput = {
  product: { name: string; code?: string | null };
  release: string;
  packageVersion: number | string;
  readiness: Readiness;
  /** Gaps still open from earlier reviews or already proposed. */
  openGaps: readonly Gap[];
  artifacts: readonly ArtifactStatus[];
};

export type AgendaSection = { title: string; lines: string[] };

export function reviewAgenda(input: AgendaInput): AgendaSection[] {
  const { readiness: r } = input;
  const share = (s: Readiness['required']) => (s.total === 0 ? 'none apply' : `${s.met}/${s.total} (${s.percent}%)`);
  return [
    {
      title: '1. Scope',
      lines: [
        `Product: ${input.product.name}${input.product.code ? ` (${input.product.code})` : ''}`,
        `Release: ${input.release}; package version ${input.packageVersion}`,
        `Checklist: ${r.template.id} v${r.template.version}`,
      ],
    },
    {
      title: '2. Readiness',
      lines: [
        `Readiness score: ${r.score}%`,
        `Required items met: ${share(r.required)}`,
        `Recommended items met: ${share(r.recommended)}`,
      ],
    },
    {
      title: '3. Blockers',
      lines: r.blocking.length
        ? r.blocking.map(
            (b) => `${b.itemId} ${b.label}: ${b.message}${b.owner ? ` (owner ${b.owner})` : ' (no owner)'}`,
          )
        : ['None: every required item is met.'],
    },
    {
      title: '4. Waivers to confirm',
      lines: r.waived.length
        ? r.waived.map((w) => `${w.itemId} ${w.label}: ${w.reason} (approved by ${w.approver})`)
        : ['None.'],
    },
    {
      title: '5. Open gaps',
      lines: input.openGaps.length
        ? input.openGaps.map(
            (g) =>
              `${g.itemId ?? 'no item'}: ${g.description} (${g.severity}; ${g.owner || 'no owner'}, due ${g.dueDate || 'no date'})`,
          )
        : ['None.'],
    },
    {
      title: '6. Artifacts and validation',
      lines: input.artifacts.length
        ? input.artifacts.map(
            (a) => `${a.title}${a.version != null ? ` v${a.version}` : ''}: ${validationText(a.validation)}`,
          )
        : ['No artifacts yet.'],
    },
    {
      title: '7. Decision',
      lines: [
        `Decide: ${DECISIONS.map((d) => DECISION_LABELS[d]).join(' / ')}.`,
        'Accepted with gaps: every blocker becomes a gap with an owner and a due date by the end of early life support; no critical gap; nothing open in security, rollback (OPS-3) or escalation (SUP-2).',
        'Rejected: name the blocking items; a re-review is a new record.',
        'Confirm early life support (start, end, exit criteria) and post-handover ownership.',
      ],
    },
  ];
}

function validationText(v: ArtifactStatus['validation']): string {
  if (!v) return 'not validated';
  return `${v.verdict} (score ${v.score}${v.blockers ? `, ${v.blockers} blocker${v.blockers === 1 ? '' : 's'}` : ''})`;
}

export function reviewAgendaMarkdown(input: AgendaInput): string {
  const sections = reviewAgenda(input);
  const out = [`# Handover readiness review: ${mdInline(input.product.name)}`, ''];
  for (const s of sections) {
    out.push(`## ${mdInline(s.title)}`, '');
    if (s.title.endsWith('Artifacts and validation') && input.artifacts.length > 0)
      out.push(
        ...mdTable(
          ['Artifact', 'Version', 'Validation'],
          input.artifacts.map((a) => [
            a.title,
            a.version == null ? '' : String(a.version),
            validationText(a.validation),
          ]),
        ),
      );
    else out.push(...s.lines.map((line) => `- ${mdInline(line)}`));
    out.push('');
  }
  return out.join('\n');
}
