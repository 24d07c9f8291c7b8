// docs/benchmarks.md holds one generated section per benchmark between markers; each run replaces its own.
import fs from 'node:fs';

const DOCS = new URL('../docs/benchmarks.md', import.meta.url);

export function writeSection(name: string, content: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = fs.existsSync(DOCS) ? fs.readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${content}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(DOCS, next);
}
