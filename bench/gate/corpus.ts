// A deterministic corpus of PRDs (500–5,000 words) for the gate benchmark: same seed → same files, so runs on
// different machines and days compare. Documents mix strong and weak sections, tables, lists, Gherkin and
// wiki-export HTML, like the PRDs the gate really sees.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Merchants',
  'Support agents',
  'Customers',
  'Finance analysts',
  'Field sales',
  'Compliance reviewers',
  'Shop owners',
  'Riders',
];
const VERBS = [
  'wait for',
  'cannot see',
  'reconcile',
  'lose track of',
  'call us about',
  'retry',
  'export',
  'approve',
  'dispute',
  'review',
];
const OBJECTS = [
  'payouts',
  'refunds',
  'invoices',
  'settlement files',
  'chargebacks',
  'loyalty points',
  'KYC documents',
  'delivery slots',
  'receipts',
  'bank transfers',
];
const TAILS = [
  'which costs them about {n} hours a week',
  'according to the {m} support report',
  'and {p}% of tickets in {m} were about it',
  'so the process should be fast and easy',
  'etc., as appropriate',
  'because the current flow is manual',
  'in {n} of {n2} interviews',
  'which we want to improve significantly',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

export function generatePrd(index: number, targetWords: number): string {
  const r = rng(index * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const n = () => String(1 + Math.floor(r() * 90));
  const sentence = () =>
    `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)
      .replace('{n}', n())
      .replace('{n2}', n())
      .replace('{p}', n())
      .replace('{m}', pick(MONTHS))}.`;
  const paragraph = (k: number) => Array.from({ length: k }, sentence).join(' ');
  const quality = r();
  const wiki = r() < 0.25;
  const parts: string[] = [];
  let words = 0;
  const push = (text: string) => {
    parts.push(text);
    words += text.split(/\s+/).length;
  };
  push(
    r() < 0.6
      ? `---\nowner: Owner ${index}\nsubsidiary: EMX\nstatus: draft\nversion: 1.${index % 9}\ndate: 2026-0${1 + (index % 9)}-1${index % 9}\n---\n`
      : '',
  );
  push(`# PRD ${index}: ${pick(OBJECTS)} for ${pick(SUBJECTS).toLowerCase()}\n`);
  push(wiki ? `<h2>Background</h2>\n<p>${paragraph(4)}</p>\n` : `## Problem\n\n${paragraph(4)}\n`);
  push(
    `## Users\n\n${SUBJECTS.slice(0, 3)
      .map((s) => `- **${s}** who ${pick(VERBS)} ${pick(OBJECTS)}.`)
      .join('\n')}\n\nAs a merchant, I want to see ${pick(OBJECTS)} so that I can plan.\n`,
  );
  push(
    `## Goals and success metrics\n\n| Metric | Baseline | Target | By when |\n|---|---|---|---|\n${Array.from({ length: 3 }, () => `| ${pick(OBJECTS)} handled on time | ${n()}% | ${n()}% | ${quality > 0.4 ? `by 2026-${10 + (index % 3)}-30` : 'TBD'} |`).join('\n')}\n`,
  );
  push(
    `## Non-goals\n\n- ${pick(OBJECTS)} in other countries — phase 2.\n- ${pick(OBJECTS)} for enterprise accounts, because contracts differ.\n`,
  );
  let req = 1;
  const gherkin = () =>
    `\`\`\`gherkin\nScenario: FR-${req} works\n  Given a merchant with ${n()} ${pick(OBJECTS)}\n  When they open the page\n  Then they see "${pick(OBJECTS)} ready" within ${n()} s\n\`\`\`\n`;
  push('## Requirements\n');
  while (words < targetWords * 0.8) {
    const roll = r();
    if (wiki && roll < 0.15) {
      push(`<details>\n<summary>Details for FR-${req}</summary>\n\n${paragraph(3)}\n\n</details>\n`);
    } else if (roll < 0.45) {
      push(
        `### FR-${req}: ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} (${pick(['Must', 'Should', 'Could'])})\n\n${paragraph(2 + Math.floor(r() * 4))}\n\n${quality > 0.3 ? gherkin() : ''}`,
      );
      req++;
    } else if (roll < 0.7) {
      const rows = Array.from(
        { length: 4 },
        () =>
          `| FR-${req++} | ${sentence()} | ${pick(['Must', 'Should', 'Could', 'P1'])} | ${quality > 0.5 ? `Given ${pick(OBJECTS)}, when saved, then status is "Saved".` : ''} |`,
      );
      push(`| Id | Requirement | Priority | Acceptance |\n|---|---|---|---|\n${rows.join('\n')}\n`);
    } else {
      push(`${Array.from({ length: 5 }, (_, i) => `${i + 1}. ${sentence()}`).join('\n')}\n\n${paragraph(3)}\n`);
    }
  }
  push(
    `## Non-functional requirements\n\n- p95 latency under ${n()}0 ms.\n- 99.9% monthly availability.\n- WCAG 2.2 AA.\n`,
  );
  if (quality > 0.3)
    push(
      `## Release plan\n\nPilot behind flag \`f_${index}\` on 2026-06-01, GA on 2026-07-01. Rollback: turn off the flag.\n`,
    );
  if (quality > 0.5) push(`## Risks\n\n| Risk | Mitigation |\n|---|---|\n| ${sentence()} | ${sentence()} |\n`);
  push(`## Analytics\n\nEvents \`prd_${index}_viewed\` and \`prd_${index}_done\` feed the Looker dashboard.\n`);
  push(`## Open questions\n\n- ${sentence()} — owner: @pm${index}, by 2026-05-01.\n`);
  while (words < targetWords) push(`${paragraph(5)}\n`);
  return `${parts.filter(Boolean).join('\n')}\n`;
}

/** Sizes spread evenly over 500–5,000 words. */
export function targetWords(index: number, count: number): number {
  return Math.round(500 + (4500 * index) / Math.max(1, count - 1));
}
