// The human default: one block per file (score, verdict, weak criteria, findings with their fix), then a
// summary line. Colour codes only when the caller says the output is a terminal.
import type { Severity } from '../types.ts';
import { alsoOn, type GateRun, shownFindings } from './run.ts';

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

const SEVERITY_STYLE: Record<Severity, Style> = { blocker: 'red', major: 'red', minor: 'yellow', info: 'blue' };
const VERDICT_STYLE = { pass: 'green', conditional: 'yellow', fail: 'red' } as const;

export function toText(run: GateRun, options: { color: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text);
  const out: string[] = [];
  for (const file of run.results) {
    const verdict = paint(VERDICT_STYLE[file.verdict], file.verdict.toUpperCase());
    out.push(
      `${paint('bold', file.file)}  ${file.score}/100  ${verdict}  ${paint('dim', `(rubric ${file.rubric.id} v${file.rubric.version})`)}`,
    );
    if (file.why) out.push(`  ${paint(VERDICT_STYLE[file.verdict], file.why)}`);
    const weak = file.criteria.filter((c) => c.score < 0.8).map((c) => `${c.id} ${Math.round(c.score * 100)}%`);
    if (weak.length > 0) out.push(`  weak: ${weak.join(', ')}`);
    for (const { finding: f, alsoOnLines } of shownFindings(file.findings)) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      const more = alsoOnLines.length ? paint('dim', ` (${alsoOn(alsoOnLines)})`) : '';
      out.push(
        `  ${where}${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))}${paint('dim', f.rule)}  ${f.message}${more}`,
      );
      out.push(`  ${' '.repeat(8)}${paint('dim', `fix: ${f.fix}`)}`);
    }
    out.push('');
  }
  const s = run.summary;
  out.push(
    `${s.files} file${s.files === 1 ? '' : 's'}: ${paint('green', `${s.pass} pass`)}, ${paint('yellow', `${s.conditional} conditional`)}, ${paint('red', `${s.fail} fail`)}`,
  );
  return `${out.join('\n')}\n`;
}
