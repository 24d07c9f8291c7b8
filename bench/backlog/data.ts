// The backlog bench's data (issue #12), deterministic: a PRD with 500 id-prefixed requirements (baseline v1.0) and
// its next draft (v1.1: 20 reworded, 5 removed, 5 added), stories and bugs linked to them, sprints and change
// requests. The seed (seed.ts) stores it; the core reference figures run the pure functions over the same shapes.
export const REQUIREMENTS = 500;
export const STATUSES = ['backlog', 'ready', 'in_progress', 'done'] as const;
export type Status = (typeof STATUSES)[number];

const OBJECTS = [
  'payouts',
  'refunds',
  'invoices',
  'settlement files',
  'chargebacks',
  'receipts',
  'bank transfers',
  'delivery slots',
];

/** The PRD: `- FR-n (Must): …` items, each with a Given/When/Then criterion (what the gate and extraction read). */
export function prdBody(version: '1.0' | '1.1'): string {
  const lines = [
    '# Payouts PRD',
    '',
    '## Problem',
    '',
    'Merchants wait three days for payouts, and 40% of support tickets in May were about it.',
    '',
    '## Functional requirements',
    '',
  ];
  const removed = (i: number) => version === '1.1' && i > REQUIREMENTS - 5;
  const reworded = (i: number) => version === '1.1' && i % 25 === 0;
  const item = (i: number) => {
    const what = OBJECTS[i % OBJECTS.length];
    lines.push(
      `- FR-${i} (${['Must', 'Should', 'Could'][i % 3]}): A merchant can review ${what} batch ${i} within ${(i % 9) + 1} seconds of the request${reworded(i) ? ', also by email' : ''}.`,
      `  - Given a merchant with ${what}, when they open batch ${i}, then it shows within ${(i % 9) + 1} seconds.`,
    );
  };
  for (let i = 1; i <= REQUIREMENTS; i++) if (!removed(i)) item(i);
  if (version === '1.1') for (let i = REQUIREMENTS + 1; i <= REQUIREMENTS + 5; i++) item(i);
  return lines.join('\n');
}

export type StorySeed = {
  number: number;
  key: string;
  type: 'story' | 'bug';
  title: string;
  narrative: string;
  acceptance: string;
  priority: 'Must' | 'Should' | 'Could';
  status: Status;
  /** Index of the product's sprint (0–9), or null. */
  sprint: number | null;
  createdAt: Date;
  /** Requirement keys (`FR-n`). */
  links: string[];
};

/** Sprints start here; stories are created one a minute from five days before. */
export const SPRINT_START = new Date('2026-03-02T09:00:00Z');
const FIRST_STORY_AT = SPRINT_START.getTime() - 5 * 24 * 3600_000;

export function storySeeds(code: string, count: number): StorySeed[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const bug = n % 10 === 0;
    const what = OBJECTS[n % OBJECTS.length];
    // Every 50th links to nothing, every third to two requirements, the rest to one.
    const links =
      n % 50 === 0
        ? []
        : n % 3 === 0
          ? [`FR-${(n % REQUIREMENTS) + 1}`, `FR-${((n * 7) % REQUIREMENTS) + 1}`]
          : [`FR-${(n % REQUIREMENTS) + 1}`];
    return {
      number: n,
      key: `${code}-${bug ? 'BUG' : 'S'}-${n}`,
      type: bug ? 'bug' : 'story',
      title: bug ? `Batch ${n} of ${what} shows the wrong total` : `Review ${what} batch ${n}`,
      narrative: bug
        ? `Opening batch ${n} of ${what} shows a total that differs from the settlement file by one cent.`
        : `As a merchant I want to review ${what} batch ${n} so that I know when my money arrives.`,
      acceptance: `Scenario: review batch ${n}\n  Given a merchant with ${what}\n  When they open batch ${n}\n  Then it shows within ${(n % 9) + 1} seconds`,
      priority: (['Must', 'Should', 'Could'] as const)[n % 3] ?? 'Must',
      status: STATUSES[n % 4] ?? 'backlog',
      // The first 1,000 are in the ten sprints.
      sprint: n <= 1000 ? n % 10 : null,
      createdAt: new Date(FIRST_STORY_AT + n * 60_000),
      links,
    };
  });
}

/** In sprint s: committed unless the number is a multiple of four (those joined after the start). */
export const committed = (s: StorySeed) => s.sprint !== null && s.number % 4 !== 0;

export type ChangeSeed = {
  number: number;
  status: 'approved' | 'pending' | 'rejected';
  requirementKeys: string[];
  storyKeys: string[];
};

export function changeSeeds(stories: readonly StorySeed[]): ChangeSeed[] {
  return Array.from({ length: 50 }, (_, i) => ({
    number: i + 1,
    status: (['approved', 'pending', 'rejected'] as const)[i % 3] ?? 'pending',
    requirementKeys: [`FR-${i * 10 + 1}`],
    storyKeys: stories.filter((s) => s.links.length === 0 && s.number % 7 === i % 7).map((s) => s.key),
  }));
}
