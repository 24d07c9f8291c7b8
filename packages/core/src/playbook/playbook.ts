// The operating playbook's starting version (issue #15), generated from the studio's own configuration — stages, the
// gate rubric, templates, naming, cadence and who may do what — then edited and versioned like any document. Every
// number and name comes from the configuration, so the first version is true on the day it is generated.
import { type Permission, ROLE_PERMISSIONS, type Role } from '../access/roles.ts';
import type { Rubric } from '../gate/rubric.ts';
import type { NamingConvention } from '../naming/convention.ts';
import { STAGE_LABELS, STAGES } from '../workspace/stages.ts';

export type CadenceMeeting = { name: string; when: string; minutes: number; who: string; output: string };

/** The studio's rhythm (the charter's cadence): the defaults a new studio starts from. */
export const DEFAULT_CADENCE: readonly CadenceMeeting[] = [
  {
    name: 'Weekly metrics and intake quality',
    when: 'Monday',
    minutes: 15,
    who: 'ProductOps, PO/VB leads',
    output: 'Weekly intake report',
  },
  {
    name: 'Weekly handover checkpoint',
    when: 'Thursday',
    minutes: 30,
    who: 'ProductOps, builders, IT owners',
    output: 'Readiness per product',
  },
  {
    name: 'PRD gate review',
    when: 'Sprint start',
    minutes: 45,
    who: 'ProductOps, the PRD author',
    output: 'Gate verdict and conditions',
  },
  {
    name: 'UAT sign-off',
    when: 'Sprint end',
    minutes: 30,
    who: 'PO/VB, testers, builders',
    output: 'Signed UAT record',
  },
  { name: 'Coaching session', when: 'As needed', minutes: 30, who: 'ProductOps and one author', output: 'Session log' },
];

/** Activities of the playbook's "who does what" table, each tied to the permission that allows it. */
const ACTIVITIES: readonly [string, Permission][] = [
  ['Write context and PRDs', 'document.write'],
  ['Decide at the PRD gate', 'gate.review'],
  ['Keep the backlog and sprints', 'backlog.write'],
  ['Triage feedback', 'feedback.triage'],
  ['Plan and run UAT', 'uat.manage'],
  ['Sign UAT off', 'uat.signoff'],
  ['Prepare the handover package', 'handover.write'],
  ['Accept the handover for IT', 'handover.accept'],
];

export type PlaybookInputs = {
  studioName: string;
  rubric: Rubric;
  templates: readonly { kind: string; name: string }[];
  naming: NamingConvention;
  cadence?: readonly CadenceMeeting[];
  roleLabels: Record<Role, string>;
};

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function playbookMarkdown(x: PlaybookInputs): string {
  const v = x.rubric.verdict;
  const roles = (Object.keys(x.roleLabels) as Role[]).filter((r) => r !== 'viewer');
  const sep = x.naming.separator;
  const out = [
    `# ${x.studioName} operating playbook`,
    '',
    'Generated from the studio’s configuration; edit it here and each save becomes a new version.',
    '',
    '## Stages',
    '',
    ...STAGES.filter((s) => s !== 'archived').map((s, i) => `${i + 1}. ${STAGE_LABELS[s]}`),
    '',
    'A product moves to Build only when its PRD passes the gate (or passes with conditions), to Handover only with a signed UAT sign-off, and to Live only when IT accepts the handover.',
    '',
    '## The PRD gate',
    '',
    `Rubric: ${x.rubric.name}, version ${x.rubric.version}. A PRD passes at ${v.passScore} points with no blocker; it passes with conditions at ${v.conditionalScore} points with at most ${v.maxBlockersConditional} blockers; otherwise it goes back to its author.`,
    '',
    '| Criterion | Weight |',
    '|---|---:|',
    ...x.rubric.criteria.map((c) => `| ${cell(c.name)} | ${c.weight} |`),
    '',
    '## Templates',
    '',
    ...(x.templates.length ? x.templates.map((t) => `- ${t.name} (${t.kind})`) : ['- No templates yet.']),
    '',
    '## Naming',
    '',
    `- Products: \`SUBSIDIARY${sep}KEY\` (e.g. \`FINTX${sep}PAYOUTS\`).`,
    ...Object.entries(x.naming.documentCodes).map(
      ([kind, code]) => `- ${kind}: \`FINTX${sep}PAYOUTS${sep}${code} v1.0\``,
    ),
    ...Object.entries(x.naming.artifactCodes).map(
      ([code, what]) => `- ${what}: \`FINTX${sep}PAYOUTS${sep}${code}${sep}1\``,
    ),
    '',
    '## Cadence',
    '',
    '| Meeting | When | Minutes | Who | Output |',
    '|---|---|---:|---|---|',
    ...(x.cadence ?? DEFAULT_CADENCE).map(
      (m) => `| ${cell(m.name)} | ${cell(m.when)} | ${m.minutes} | ${cell(m.who)} | ${cell(m.output)} |`,
    ),
    '',
    '## Who does what',
    '',
    `| Activity | ${roles.map((r) => cell(x.roleLabels[r])).join(' | ')} |`,
    `|---|${roles.map(() => ':---:').join('|')}|`,
    ...ACTIVITIES.map(
      ([activity, permission]) =>
        `| ${activity} | ${roles.map((r) => (ROLE_PERMISSIONS[r].includes(permission) ? '✓' : '')).join(' | ')} |`,
    ),
  ];
  return `${out.join('\n')}\n`;
}
