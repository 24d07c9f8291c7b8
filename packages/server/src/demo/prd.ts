// Renders a PRD version from product facts at a chosen quality, so the demo shows the gate's whole range:
// strong PRDs that pass, medium ones with fixable gaps, weak ones full of vague words and TBDs, a hollow template.
import type { ProductFacts, Quality, Requirement, VersionSpec } from './facts.ts';
import { DEMO_PEOPLE, DEMO_SUBSIDIARIES } from './people.ts';

export type RenderInput = { facts: ProductFacts; spec: VersionSpec; at: Date };

const day = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const person = (key: keyof typeof DEMO_PEOPLE | undefined) => (key ? DEMO_PEOPLE[key].name : 'unassigned');
const subsidiaryName = (code: string) => DEMO_SUBSIDIARIES.find((s) => s.code === code)?.name ?? code;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const STATUS: Record<Quality, string> = { strong: 'Approved', medium: 'In review', weak: 'Draft', hollow: 'Draft' };

function requirementsOf(input: RenderInput): Requirement[] {
  return input.facts.requirements.slice(0, input.spec.requirements ?? input.facts.requirements.length);
}

function metadata({ facts, spec, at }: RenderInput): string {
  return table(
    ['Field', 'Value'],
    [
      ['Product', `${facts.sub}-${facts.key}`],
      ['Subsidiary', subsidiaryName(facts.sub)],
      ['Owner', `${person(facts.po)} (PO)`],
      ...(facts.vb ? [['Venture builder', person(facts.vb)]] : []),
      ['Status', STATUS[spec.quality]],
      ['Version', spec.version],
      ['Last updated', day(at)],
      ['Approvers', `${person('omar')} (ProductOps), ${person(facts.it)} (IT)`],
    ],
  );
}

function strong(input: RenderInput): string {
  const { facts, at } = input;
  const reqs = requirementsOf(input);
  const criteria = reqs.map(
    (r, i) => `### FR-${i + 1}\n\n\`\`\`gherkin\nGiven ${r.given}\nWhen ${r.when}\nThen ${r.then}\n\`\`\``,
  );
  return [
    `# ${facts.name} — Product Requirements`,
    metadata(input),
    `## Problem\n\n${facts.problem}\n\nEvidence:\n\n${bullets(facts.evidence)}`,
    `## Users and jobs\n\n${bullets(facts.users.map((u) => `**${u.persona}**: As a ${u.persona}, I want ${u.want} so that ${u.soThat}.`))}`,
    `## Goals and success metrics\n\n${table(
      ['Metric', 'Baseline', 'Target', 'Timeframe'],
      facts.metrics.map((m) => [m.name, m.baseline, m.target, m.window]),
    )}`,
    `## Non-goals\n\n${bullets(facts.nonGoals)}`,
    `## Requirements\n\n${table(
      ['ID', 'Requirement', 'Priority'],
      reqs.map((r, i) => [`FR-${i + 1}`, r.text, r.priority]),
    )}`,
    `## Acceptance criteria\n\n${criteria.join('\n\n')}`,
    `## Non-functional requirements\n\n${bullets(facts.nfrs)}`,
    `## Experience and design\n\n${facts.ux}`,
    `## Release plan\n\n${facts.release.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    `## Risks and mitigations\n\n${table(
      ['Risk', 'Mitigation', 'Owner'],
      facts.risks.map((r) => [r.risk, r.mitigation, person(r.owner)]),
    )}`,
    `## Analytics\n\n${table(
      ['Event', 'Fires when'],
      facts.events.map((e) => [`\`${e.name}\``, e.when]),
    )}`,
    `## Open questions\n\n${bullets(
      facts.openQuestions.map((q) => `${q.question} — owner: ${person(q.owner)}, due ${day(plusDays(at, q.inDays))}`),
    )}`,
  ].join('\n\n');
}

/** Medium: the skeleton is right, but evidence is thin, half the requirements lack criteria, NFRs are vague. */
function medium(input: RenderInput): string {
  const { facts } = input;
  const reqs = requirementsOf(input);
  const half = Math.ceil(reqs.length / 2);
  return [
    `# ${facts.name} — PRD`,
    metadata(input),
    `## Background\n\n${facts.problem}${facts.evidence[0] ? ` ${facts.evidence[0]}` : ''}`,
    `## Users\n\n${bullets(facts.users.map((u) => `${u.persona} — wants ${u.want}`))}`,
    `## Goals\n\n${bullets(
      facts.metrics.map((m, i) =>
        i % 2 === 0 ? `${m.name}: from ${m.baseline} to ${m.target} ${m.window}` : `Improve ${lowerFirst(m.name)}`,
      ),
    )}`,
    `## Out of scope\n\n${bullets(facts.nonGoals.slice(0, 1))}`,
    `## Requirements\n\n${reqs.map((r, i) => `${i + 1}. FR-${i + 1} (${r.priority}) ${r.text}`).join('\n')}`,
    `## Acceptance criteria\n\n${reqs
      .slice(0, half)
      .map((r, i) => `- FR-${i + 1}: Given ${r.given}, when ${r.when}, then ${r.then}.`)
      .join('\n')}`,
    `## Non-functional requirements\n\n- The service should be fast and secure.\n${bullets(facts.nfrs.slice(0, 1))}`,
    `## Release\n\nPilot with one team first, then general availability. Dates TBD.`,
    `## Risks\n\n${bullets(facts.risks.map((r) => r.risk))}`,
    `## Open questions\n\n${bullets(facts.openQuestions.map((q) => `${q.question} (owner TBD)`))}`,
  ].join('\n\n');
}

/** Weak: vague, unmeasurable, no ids, no criteria, TBDs — what the gate exists to send back. */
function weak(input: RenderInput): string {
  const { facts } = input;
  return [
    `# ${facts.name}`,
    `## Overview\n\n${facts.summary} It will be a seamless, intuitive experience that is easy to use and scalable.`,
    `## Goals\n\n${bullets([...facts.metrics.map((m) => `Improve ${lowerFirst(m.name)} significantly`), 'Make users happier'])}`,
    `## Features\n\n${bullets([...requirementsOf(input).map((r) => `The system should be able to ${lowerFirst(r.text)}`), 'Reporting, etc.'])}`,
    '## Timeline\n\nTBD',
    '## Notes\n\nPerformance should be fast where possible. Security as appropriate. Analytics: TBD.',
  ].join('\n\n');
}

/** Hollow: headings over placeholders. It looks complete and must fail the gate. */
function hollow(input: RenderInput): string {
  const empty = table(['Metric', 'Baseline', 'Target', 'Timeframe'], [['', '', '', '']]);
  return [
    `# ${input.facts.name} — Product Requirements`,
    table(
      ['Field', 'Value'],
      [
        ['Owner', '[Name]'],
        ['Status', 'TBD'],
        ['Version', input.spec.version],
        ['Last updated', '[Date]'],
      ],
    ),
    '## Problem\n\n[Describe the problem and the evidence for it]',
    '## Users and jobs\n\n[Insert personas]',
    `## Goals and success metrics\n\n${empty}`,
    '## Non-goals\n\nTBD',
    '## Requirements\n\n| ID | Requirement | Priority |\n|---|---|---|\n| FR-1 | [Insert requirement] | TBD |',
    '## Acceptance criteria\n\n- [ ] TBD',
    '## Non-functional requirements\n\nTBD',
    '## Release plan\n\nTBD',
    '## Risks and mitigations\n\nTBD',
    '## Analytics\n\nTODO',
  ].join('\n\n');
}

const RENDER: Record<Quality, (input: RenderInput) => string> = { strong, medium, weak, hollow };

export const renderPrd = (input: RenderInput) => `${RENDER[input.spec.quality](input)}\n`;
