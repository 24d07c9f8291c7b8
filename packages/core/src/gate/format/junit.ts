// JUnit XML for CI dashboards: one testsuite per file, one testcase per criterion; a criterion with blocker or
// major findings fails.
import type { GateRun } from './run.ts';
import { isSerious } from './run.ts';

export function toJunit(run: GateRun): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const file of run.results) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const criterion of file.criteria) {
      const serious = file.findings.filter((f) => f.criterion === criterion.id && isSerious(f.severity));
      const name = `${criterion.id} — ${criterion.name} (score ${criterion.score.toFixed(2)}, weight ${criterion.weight})`;
      const open = `    <testcase classname="${attr(file.file)}" name="${attr(name)}">`;
      if (serious.length === 0) {
        cases.push(`${open}</testcase>`);
        continue;
      }
      suiteFailures++;
      const body = serious
        .map((f) => `line ${f.line}:${f.column} [${f.severity}] ${f.rule}: ${f.message} Fix: ${f.fix}`)
        .join('\n');
      const type = serious.some((f) => f.severity === 'blocker') ? 'blocker' : 'major';
      const message = `${serious.length} ${type === 'blocker' ? 'blocker/major' : 'major'} finding${serious.length === 1 ? '' : 's'}`;
      cases.push(
        `${open}\n      <failure message="${attr(message)}" type="${type}">${text(body)}</failure>\n    </testcase>`,
      );
    }
    tests += file.criteria.length;
    failures += suiteFailures;
    suites.push(
      [
        `  <testsuite name="${attr(file.file)}" tests="${file.criteria.length}" failures="${suiteFailures}" errors="0" skipped="0">`,
        '    <properties>',
        `      <property name="score" value="${file.score}"/>`,
        `      <property name="verdict" value="${file.verdict}"/>`,
        `      <property name="rubric" value="${attr(`${file.rubric.id}@${file.rubric.version}`)}"/>`,
        '    </properties>',
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }
  lines.push(
    `<testsuites name="pistudio gate" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  );
  return `${lines.join('\n')}\n`;
}

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
function clean(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    const allowed =
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}
