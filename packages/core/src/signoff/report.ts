// The UAT report of one session (issue #13), as Markdown: scope (product, session, build, participants, stories),
// the cases with their results and runs, the defects with their retests, and the sign-offs with their hashes so a
// reader can check them against `pistudio signoff verify`. The server renders the same data as PDF.

export type ReportRun = { kind: string; result: string; testerName: string; notes: string; at: string };
export type ReportCase = { key: string; title: string; storyKey: string | null; status: string; runs: ReportRun[] };
export type ReportDefect = {
  bugKey: string;
  caseKey: string;
  state: string;
  retest: { result: string; testerName: string; at: string } | null;
};
export type ReportSignoff = {
  key: string;
  scope: string;
  decision: string;
  conditions: string;
  buildVersion: string;
  signerName: string;
  signedAt: string;
  storyCount: number;
  contentHash: string;
  prevHash: string;
  recordHash: string;
  evidence: { fileName: string; sha256: string; addedAt: string }[];
};

export type UatReport = {
  product: { code: string; name: string };
  session: {
    key: string;
    title: string;
    buildVersion: string;
    status: string;
    startedAt: string | null;
    closedAt: string | null;
  };
  participants: { name: string; role: string }[];
  stories: { key: string; title: string; revision: number }[];
  cases: ReportCase[];
  defects: ReportDefect[];
  signoffs: ReportSignoff[];
  generatedAt: string;
};

export const DECISION_LABELS: Record<string, string> = {
  signed: 'Signed',
  signed_with_conditions: 'Signed with conditions',
  refused: 'Refused',
};

/** A table cell: one line, pipes and backslashes escaped, so stored text cannot break the table. */
export const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim() || '—';

const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

/** Counts of `values`, in the order of `order` and then any other value met. */
export function tally(values: readonly string[], order: readonly string[]): [string, number][] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 0);
}

export const CASE_ORDER = ['pass', 'fail', 'blocked', 'untested'] as const;
export const DEFECT_ORDER = ['open', 'fixed', 'verified', 'reopened'] as const;

const summaryLine = (counts: [string, number][]) => counts.map(([k, n]) => `${n} ${k}`).join(', ') || 'none';

const runLine = (r: ReportRun) =>
  `${r.at.slice(0, 16).replace('T', ' ')} ${r.kind === 'retest' ? 'retest' : 'run'} ${r.result} by ${r.testerName}` +
  (r.notes ? `: ${r.notes}` : '');

function scope(r: UatReport): string[] {
  const s = r.session;
  return [
    `# UAT report: ${s.key} — ${cell(s.title)}`,
    '',
    `- **Product:** ${cell(r.product.code)} (${cell(r.product.name)})`,
    `- **Session:** ${s.key}, ${s.status}${s.startedAt ? `, started ${s.startedAt}` : ''}${s.closedAt ? `, closed ${s.closedAt}` : ''}`,
    `- **Build under test:** ${cell(s.buildVersion)}`,
    `- **Participants:** ${r.participants.map((p) => `${cell(p.name)} (${cell(p.role)})`).join(', ') || 'none listed'}`,
    `- **Generated:** ${r.generatedAt}`,
    '',
    '## Scope',
    '',
    r.stories.length
      ? table(
          ['Story', 'Title', 'Revision'],
          r.stories.map((st) => [st.key, st.title, String(st.revision)]),
        )
      : 'No stories are linked to this session’s cases.',
  ];
}

function cases(r: UatReport): string[] {
  const out = [
    '',
    '## Cases and results',
    '',
    `${r.cases.length} cases: ${summaryLine(
      tally(
        r.cases.map((c) => c.status),
        CASE_ORDER,
      ),
    )}.`,
  ];
  if (r.cases.length === 0) return out;
  out.push(
    '',
    table(
      ['Case', 'Title', 'Story', 'Result', 'Runs'],
      r.cases.map((c) => [c.key, c.title, c.storyKey ?? '', c.status, c.runs.map(runLine).join('; ')]),
    ),
  );
  return out;
}

function defects(r: UatReport): string[] {
  const out = [
    '',
    '## Defects and retests',
    '',
    `${r.defects.length} defects: ${summaryLine(
      tally(
        r.defects.map((d) => d.state),
        DEFECT_ORDER,
      ),
    )}.`,
  ];
  if (r.defects.length === 0) return out;
  out.push(
    '',
    table(
      ['Defect', 'Case', 'State', 'Retest'],
      r.defects.map((d) => [
        d.bugKey,
        d.caseKey,
        d.state,
        d.retest ? `${d.retest.result} by ${d.retest.testerName}, ${d.retest.at}` : 'not retested',
      ]),
    ),
  );
  return out;
}

function signoffs(r: UatReport): string[] {
  const out = ['', '## Sign-off', ''];
  if (r.signoffs.length === 0) return [...out, 'Not signed off yet.'];
  for (const so of r.signoffs) {
    out.push(
      `### ${so.key}: ${DECISION_LABELS[so.decision] ?? so.decision}`,
      '',
      `- **Signed by:** ${cell(so.signerName)} at ${so.signedAt}`,
      `- **Scope:** ${so.scope === 'release' ? `release of build ${cell(so.buildVersion)}` : `this session, build ${cell(so.buildVersion)}`} (${so.storyCount} stories)`,
    );
    if (so.conditions) out.push(`- **Conditions:** ${cell(so.conditions)}`);
    out.push(
      `- **Content hash:** \`${so.contentHash}\``,
      `- **Previous record hash:** \`${so.prevHash}\``,
      `- **Record hash:** \`${so.recordHash}\``,
    );
    for (const e of so.evidence)
      out.push(`- **Evidence:** ${cell(e.fileName)}, sha256 \`${e.sha256}\`, added ${e.addedAt}`);
    out.push('');
  }
  return out;
}

export function uatReportMarkdown(r: UatReport): string {
  return `${[...scope(r), ...cases(r), ...defects(r), ...signoffs(r)].join('\n').trimEnd()}\n`;
}
