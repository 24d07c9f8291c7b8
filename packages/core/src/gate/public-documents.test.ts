// What the gate got wrong on public PRDs nobody here wrote (issue #11), one class per test, on short documents of
// our own that reproduce each class. The calibration figures themselves come from `npm run bench -- --only=gate-public`.
import { describe, expect, it } from 'vitest';
import { runCheck } from './checks/run-check.ts';
import { gateRun } from './format/run.ts';
import { toText } from './format/text.ts';
import { scoreDocument } from './score.ts';

const rules = (text: string) => scoreDocument(text).findings.map((f) => f.rule);
const PRD = `# Study planner PRD

## Problem
Students miss 1 in 5 coursework deadlines (registry data, 2025) because dates are scattered over 4 portals.

## Requirements
- FR-1 (Must): A student sees every deadline of the term on one page.
- FR-2 (Must): A student gets an email 48 hours before each deadline.
`;

describe('placeholders count in prose and cells, not in code, masks or names', () => {
  it('ignores a code span, a currency mask and a feature named "TODO list"', () => {
    const text = `${PRD}- FR-3 (Should): Amounts show as \`TBD\` until graded, in the form RM x,xxx.xx.\n- FR-4 (Could): The TODO list app syncs with the planner.\n`;
    expect(rules(text).filter((r) => r.startsWith('completeness.placeholder'))).toEqual([]);
  });

  it('still reports a real placeholder in a requirement', () => {
    expect(rules(`${PRD}- FR-3 (Should): Reminders go out by TBD.\n`)).toContain(
      'completeness.placeholder-in-requirement',
    );
  });

  it('reads unticked items under Acceptance criteria as criteria, not as unfinished tasks', () => {
    const text = `${PRD}\n## Acceptance criteria\n- [ ] Every deadline of the term is shown on one page\n- [ ] An email arrives 48 hours before each deadline\n`;
    const report = scoreDocument(text);
    expect(report.findings.map((f) => f.rule)).not.toContain('completeness.open-task');
    // The checklist names no requirement id, but restates both: each is matched by its words.
    expect(report.findings.map((f) => f.rule)).not.toContain('acceptance.none');
    expect(report.criteria.find((c) => c.id === 'acceptance')?.score).toBeGreaterThan(0.5);
  });
});

describe('structure as authors write it', () => {
  it('takes a title written as two "#" lines for a title, not a hollow section', () => {
    const text = `# Product Requirements Document\n# Study planner\n\n${PRD.split('\n').slice(1).join('\n')}`;
    expect(rules(text)).not.toContain('completeness.hollow-section');
  });

  it('keeps "- # of reminders" as a list item, not a heading', () => {
    const text = `${PRD}\n## Notes\n- # of reminders per student is capped at 3 a day\n`;
    const report = scoreDocument(text);
    expect(report.findings.some((f) => f.section.endsWith('of reminders per student is capped at 3 a day'))).toBe(
      false,
    );
  });

  it('does not report FR-3 as skipped when it is written further down', () => {
    const text = `${PRD}- FR-4 (Must): Deadlines can be exported to a calendar.\n\n## Acceptance criteria\n\n### FR-3\n- Given a parent of an under-18 student, when they sign in, then they see the same page.\n`;
    expect(rules(text)).not.toContain('requirements.id-gap');
  });

  it('reads "**2. Goals**" on a line of its own as a section', () => {
    const text = `**1. Problem**\n\nStudents miss 1 in 5 coursework deadlines (registry data, 2025) because dates are scattered over 4 portals.\n\n**2. Requirements**\n\n- FR-1 (Must): A student sees every deadline of the term on one page.\n`;
    const report = scoreDocument(text);
    expect(report.findings.map((f) => f.rule)).not.toContain('problem.missing');
    expect(report.findings.find((f) => f.rule.startsWith('requirements.'))?.section ?? '2. Requirements').toContain(
      'Requirements',
    );
  });

  it('recognises "### Requirement 2: …" headings and their EARS acceptance criteria', () => {
    const text = `# Requirements\n\n## Requirements\n\n### Requirement 1: Deadline page\n\n**User Story:** As a student, I want one page of deadlines, so that I miss none.\n\n#### Acceptance Criteria\n\n1. WHEN a student opens the planner THEN THE System SHALL list every deadline of the term\n2. WHEN a deadline moves THE System SHALL show the new date within 5 minutes\n`;
    const report = scoreDocument(text);
    expect(report.findings.map((f) => f.rule)).not.toContain('requirements.none');
    expect(report.criteria.find((c) => c.id === 'acceptance')?.score).toBeGreaterThan(0.5);
  });
});

describe('content stated where authors put it', () => {
  it('finds the problem in an Overview section', () => {
    const text = `# Study planner\n\n## Overview\nToday students miss 1 in 5 coursework deadlines because dates are scattered over 4 portals, and tutors chase them by hand.\n\n## Requirements\n- FR-1 (Must): A student sees every deadline of the term on one page.\n`;
    const found = rules(text);
    expect(found).not.toContain('problem.missing');
    expect(found).toContain('problem.no-section');
  });

  it('takes users, non-goals and qualities stated in passing as stated (a minor note, not a blocker-sized miss)', () => {
    const text = `${PRD}- FR-3 (Must): Tutors and parents see the same page; students and tutors can export it.\n- FR-4 (Should): Notifications are a later phase: deferred to v2.\n- FR-5 (Must): Pages load in under 2 s at p95 and personal data is encrypted at rest (GDPR).\n`;
    const found = rules(text);
    expect(found).not.toContain('users.missing');
    expect(found).toContain('users.no-section');
    expect(found).not.toContain('scope.missing');
    expect(found).not.toContain('nfr.missing');
    expect(found).toContain('nfr.no-section');
  });

  it('takes design, release phases and measurement stated in passing as stated', () => {
    const text = `${PRD}- FR-3 (Must): The deadline page layout follows the student portal's design system; the screens are in Figma.\n- FR-7 (Must): The navigation puts the deadline page first on the phone layout.\n- FR-4 (Should): The MVP launches to one faculty in phase 1, then to all faculties in phase 2.\n- FR-8 (Must): A beta with 50 students runs before the launch.\n- FR-5 (Must): Missed deadlines are tracked on the registry dashboard.\n- FR-6 (Must): Reminder opens are tracked on the same dashboard.\n`;
    const found = rules(text);
    for (const rule of ['ux.missing', 'release.missing', 'analytics.missing']) expect(found).not.toContain(rule);
    for (const rule of ['ux.no-section', 'release.no-section', 'analytics.no-section']) expect(found).toContain(rule);
  });

  it('finds a problem written as labelled pain points', () => {
    const text = `# Study planner\n\n## Personas\n### Amal, first-year student\n- **Pain points:** misses deadlines scattered over four portals\n### Tutor\n- **Pain points:** chases late coursework every week\n\n## Requirements\n- FR-1 (Must): A student sees every deadline of the term on one page.\n`;
    expect(rules(text)).not.toContain('problem.missing');
  });

  it('does not take "one or more" for a comparative', () => {
    const r = runCheck('clarity', '## Requirements\n\n- A student picks one or more courses for the term.\n', {
      minWords: 0,
    });
    expect(r.findings.map((f) => f.rule)).not.toContain('clarity.comparative');
  });

  it('reports totality words only inside requirements and metrics', () => {
    const text = `${PRD}\n## Out of scope\n- Every tutor view: tutors always use the registry.\n`;
    const totality = scoreDocument(text).findings.filter((f) => f.rule === 'clarity.totality');
    expect(totality.every((f) => !f.section.endsWith('Out of scope'))).toBe(true);
  });
});

describe('templates and generated text', () => {
  it('treats prompts to the author as a hollow section, so an unfilled template fails', () => {
    const text = `# PRD template\n\n**Owner:** Name owner\n**Date:** Add date\n\n## Problem\nDescribe the user and what they are trying to achieve.\n\n## Goals\n- [Key metric 1 with target: e.g. "Increase retention by 15%"]\n- [Key metric 2 with target]\n\n## Requirements\n| Requirement | Priority |\n|---|---|\n| [Requirement 1] | [Must] |\n`;
    const report = scoreDocument(text);
    expect(report.verdict).toBe('fail');
    expect(report.findings.filter((f) => f.rule === 'completeness.hollow-section').length).toBeGreaterThanOrEqual(2);
    // One finding says it is an unfilled template; "no problem", "no owner", "no metrics" would repeat it.
    expect(report.findings[0]?.rule).toBe('document.unfilled_template');
    expect(report.findings.map((f) => f.rule)).not.toContain('problem.missing');
  });

  it('flags chatbot framing and citation markers hidden by private-use characters', () => {
    const text = `Here is a comprehensive PRD for the study planner.\n\n${PRD}\nSources: cite\u{E202}turn0file0\n\nLet me know if you'd like a version with user stories.\n`;
    expect(rules(text).filter((r) => r === 'completeness.ai-leftover').length).toBeGreaterThanOrEqual(3);
  });

  it('reads full-width letters and zero-width spaces as the words they are', () => {
    expect(rules(`${PRD}- FR-3 (Should): Reminders go out by Ｔ\u200BＢＤ.\n`)).toContain(
      'completeness.placeholder-in-requirement',
    );
  });
});

describe('not a PRD', () => {
  it('gives a changelog, an index of links and a README one finding and a fail', () => {
    const changelog = `# Changelog\n\n## [1.2.0] - 2026-05-01\n### Added\n- Export\n\n## [1.1.0] - 2026-04-01\n### Fixed\n- Login\n\n## [1.0.0] - 2026-03-01\n- First release\n`;
    const index = `# Docs\n\n${['Setup', 'Usage', 'API', 'Deploy', 'FAQ', 'Support', 'Roadmap'].map((n) => `- [${n}](${n.toLowerCase()}.md) — how to ${n.toLowerCase()}`).join('\n')}\n`;
    const readme = `# depth\n\nA tool that prints the dependency tree of a Go package.\n\n## Installation\n\`go install example.com/depth\`\n\n## Usage\nRun \`depth ./...\` in a module.\n\n## License\nMIT\n`;
    for (const text of [changelog, index, readme]) {
      const report = scoreDocument(text);
      expect(report.verdict).toBe('fail');
      expect(report.findings[0]?.rule).toBe('document.not_prd');
      expect(report.why).toMatch(/^Fail: this is not a PRD/);
    }
  });

  it('scores a non-PRD 0 so the number agrees with the verdict, and calls a guide a guide', () => {
    const guide = `# PRD Best Practices\n\n## Problem\nA good PRD states the problem with evidence: who is hurt and how much, e.g. 41% of tickets.\n\n## Users\nName the personas and their jobs.\n`;
    const report = scoreDocument(guide);
    expect(report.score).toBe(0);
    expect(report.criteria.every((c) => c.score === 0)).toBe(true);
    expect(report.findings.map((f) => f.rule)).toEqual(['document.not_prd']);
    expect(report.findings[0]?.message).toContain('advice on writing PRDs');
  });

  it('does not call a weak PRD with none of the usual sections a non-PRD', () => {
    const text = `# Sales dashboard\n\nBuild a dashboard for merchants to see their sales. It should be fast and simple.\n\n## What we need\n- A chart of sales\n- Top products\n\n## Success\nMerchants use the dashboard a lot.\n`;
    expect(rules(text)).not.toContain('document.not_prd');
  });

  it('does not call a PRD written without headings a non-PRD', () => {
    const text = `Study planner MVP. Students miss deadlines because dates are scattered. The app must show every deadline on one page and email students 48 hours before each one. Target users: first-year students.\n`;
    expect(rules(text)).not.toContain('document.not_prd');
  });

  it('says when the document is in a script the rubric cannot read', () => {
    const text = `# 스터디 플래너 제품 요구사항\n\n## 문제\n${'학생들은 과제 마감일을 자주 놓칩니다. '.repeat(20)}\n`;
    expect(rules(text)[0]).toBe('document.language');
  });
});

describe('what people see', () => {
  it('explains the verdict in one sentence that agrees with it', () => {
    for (const text of [PRD, '# Notes\n\nNothing here yet.\n']) {
      const report = scoreDocument(text);
      expect(
        report.why.toLowerCase().startsWith(report.verdict === 'conditional' ? 'conditional' : report.verdict),
      ).toBe(true);
      expect(report.why).toMatch(/\.$/);
    }
  });

  it('collapses repeated minor hits of one rule in one section in text output; JSON keeps them', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- FR-${i + 3} (Should): The page is fast for every student.`);
    const report = scoreDocument(`${PRD}${items.join('\n')}\n`);
    const vague = report.findings.filter((f) => f.rule === 'clarity.vague');
    expect(vague.length).toBeGreaterThanOrEqual(8);
    const text = toText(gateRun([{ file: 'prd.md', report }]), { color: false });
    expect(text.match(/clarity\.vague/g)?.length).toBe(1);
    expect(text).toMatch(/also on lines \d+/);
  });

  it('quotes a Golden passage once per section, the one closest to the document, in whole sentences', () => {
    const golden = [
      {
        criterion: 'metrics',
        text: 'Median payout time from 3.2 days to 1 day by 30 Sep 2026. Refund tickets down 40%.',
      },
      {
        criterion: 'metrics',
        text: 'Students who miss a coursework deadline: from 20% to 5% of students by the end of term. Weekly active students 80%.',
      },
    ];
    const text = `${PRD}\n## Goals\n- Fewer missed deadlines\n- Happier students\n`;
    const cited = scoreDocument(text, undefined, { golden }).findings.filter((f) => f.fix.includes('Golden example'));
    expect(cited.length).toBe(1);
    expect(cited[0]?.fix).toContain('Students who miss a coursework deadline');
    expect(cited[0]?.fix).toMatch(/80%\."$/);
  });
});
