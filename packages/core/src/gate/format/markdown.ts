// A Markdown report (for PR comments and wikis): summary, then per file the score, criteria and findings.
import { alsoOn, type GateRun, shownFindings } from './run.ts';

const BADGE = { pass: '✅ pass', conditional: '🟡 conditional', fail: '❌ fail' } as const;

export function toMarkdown(run: GateRun): string {
  const { summary } = run;
  const out = [
    '# PRD gate report',
    '',
    `${summary.files} file${summary.files === 1 ? '' : 's'}: ${summary.pass} pass, ${summary.conditional} conditional, ${summary.fail} fail.`,
    '',
  ];
  for (const file of run.results) {
    out.push(
      `## ${cell(file.file)}`,
      '',
      `**${file.score}/100 — ${BADGE[file.verdict]}** (rubric ${file.rubric.id} v${file.rubric.version})`,
      '',
    );
    if (file.why) out.push(cell(file.why), '');
    out.push('| Criterion | Weight | Score |', '|---|---:|---:|');
    for (const c of file.criteria)
      out.push(`| ${cell(c.name)} (\`${c.id}\`) | ${c.weight} | ${Math.round(c.score * 100)}% |`);
    out.push('');
    if (file.findings.length === 0) {
      out.push('No findings.', '');
      continue;
    }
    out.push('| Line | Severity | Rule | Finding | Fix |', '|---:|---|---|---|---|');
    for (const { finding: f, alsoOnLines } of shownFindings(file.findings)) {
      const message = alsoOnLines.length ? `${f.message} (${alsoOn(alsoOnLines)})` : f.message;
      out.push(`| ${f.line}:${f.column} | ${f.severity} | \`${f.rule}\` | ${cell(message)} | ${cell(f.fix)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Table cells cannot hold pipes or line breaks; HTML-looking text is escaped so it renders as text. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
