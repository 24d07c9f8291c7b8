// The demo studio is generated from compact per-product facts; the Markdown comes from prd.ts / context.ts.
import type { Role } from '@pi-studio/core/access/roles';

export type Stage = 'intake' | 'gate' | 'build' | 'uat' | 'handover' | 'live' | 'archived';
export type SubsidiaryCode = 'EMX' | 'NXN' | 'FINTX' | 'EDC';
export type ProductType = 'web_app' | 'mobile_app' | 'api_service' | 'internal_tool' | 'data_product';
export type PersonKey =
  | 'omar'
  | 'musa'
  | 'sarah'
  | 'atoum'
  | 'leila'
  | 'youssef'
  | 'jonas'
  | 'priya'
  | 'daniel'
  | 'amara'
  | 'karim'
  | 'mei'
  | 'grace'
  | 'tom'
  | 'nadia';

export type Person = { name: string; title: string; roles: Partial<Record<SubsidiaryCode, Role>> };

/** strong: every section, measurable; medium: gaps; weak: vague words and TBDs; hollow: an untouched template. */
export type Quality = 'strong' | 'medium' | 'weak' | 'hollow';

export type Metric = { name: string; baseline: string; target: string; window: string };
export type Requirement = {
  text: string;
  priority: 'Must' | 'Should' | 'Could' | "Won't";
  given: string;
  when: string;
  then: string;
};
export type Risk = { risk: string; mitigation: string; owner: PersonKey };

export type VersionSpec = {
  version: `${number}.${number}`;
  quality: Quality;
  weeksAgo: number;
  note: string;
  /** How many of the product's requirements this version already lists (default: all). */
  requirements?: number;
  author?: PersonKey;
};

export type ProductFacts = {
  sub: SubsidiaryCode;
  key: string;
  name: string;
  type: ProductType;
  tags: string[];
  stage: Stage;
  summary: string;
  po: PersonKey;
  vb?: PersonKey;
  builder?: PersonKey;
  it?: PersonKey;
  problem: string;
  evidence: string[];
  users: { persona: string; want: string; soThat: string }[];
  metrics: Metric[];
  nonGoals: string[];
  requirements: Requirement[];
  nfrs: string[];
  ux: string;
  release: string[];
  risks: Risk[];
  events: { name: string; when: string }[];
  openQuestions: { question: string; owner: PersonKey; inDays: number }[];
  context: { background: string; today: string; constraints: string[] };
  prd: VersionSpec[];
  contextVersions: VersionSpec[];
};

/**
 * The catalog is written compactly: list items are ` | `-separated strings (one line each), expanded here.
 * users: `persona | want | so that`; metrics: `name | baseline | target | timeframe`;
 * requirements: `priority | text | given | when | then`; risks: `risk | mitigation | owner`;
 * events: `event_name | fires when`; openQuestions: `question | owner | due in days`.
 */
export type CatalogEntry = Pick<
  ProductFacts,
  'sub' | 'key' | 'name' | 'type' | 'tags' | 'stage' | 'summary' | 'po' | 'problem'
> &
  Partial<Pick<ProductFacts, 'vb' | 'builder' | 'it' | 'evidence' | 'nonGoals' | 'nfrs' | 'ux' | 'release'>> & {
    users?: string[];
    metrics?: string[];
    requirements?: string[];
    risks?: string[];
    events?: string[];
    openQuestions?: string[];
    context?: Partial<ProductFacts['context']>;
    prd: VersionSpec[];
    contextVersions: VersionSpec[];
  };

const PRIORITIES: readonly Requirement['priority'][] = ['Must', 'Should', 'Could', "Won't"];

function split(line: string, parts: number, where: string): string[] {
  const fields = line.split(' | ').map((f) => f.trim());
  if (fields.length !== parts || fields.some((f) => f.length === 0)) {
    throw new Error(`demo catalog ${where}: expected ${parts} fields in "${line}"`);
  }
  return fields;
}

function personKey(value: string, where: string): PersonKey {
  if (!(value in PERSON_KEYS)) throw new Error(`demo catalog ${where}: unknown person "${value}"`);
  return value as PersonKey;
}

const PERSON_KEYS: Record<PersonKey, true> = {
  omar: true,
  musa: true,
  sarah: true,
  atoum: true,
  leila: true,
  youssef: true,
  jonas: true,
  priya: true,
  daniel: true,
  amara: true,
  karim: true,
  mei: true,
  grace: true,
  tom: true,
  nadia: true,
};

export function expandEntry(e: CatalogEntry): ProductFacts {
  const at = `${e.sub}-${e.key}`;
  return {
    ...e,
    evidence: e.evidence ?? [],
    nonGoals: e.nonGoals ?? [],
    nfrs: e.nfrs ?? [],
    ux: e.ux ?? '',
    release: e.release ?? [],
    users: (e.users ?? []).map((l) => {
      const [persona = '', want = '', soThat = ''] = split(l, 3, at);
      return { persona, want, soThat };
    }),
    metrics: (e.metrics ?? []).map((l) => {
      const [name = '', baseline = '', target = '', window = ''] = split(l, 4, at);
      return { name, baseline, target, window };
    }),
    requirements: (e.requirements ?? []).map((l) => {
      const [priority = '', text = '', given = '', when = '', then = ''] = split(l, 5, at);
      const p = PRIORITIES.find((x) => x === priority);
      if (!p) throw new Error(`demo catalog ${at}: unknown priority "${priority}"`);
      return { priority: p, text, given, when, then };
    }),
    risks: (e.risks ?? []).map((l) => {
      const [risk = '', mitigation = '', owner = ''] = split(l, 3, at);
      return { risk, mitigation, owner: personKey(owner, at) };
    }),
    events: (e.events ?? []).map((l) => {
      const [name = '', when = ''] = split(l, 2, at);
      return { name, when };
    }),
    openQuestions: (e.openQuestions ?? []).map((l) => {
      const [question = '', owner = '', days = ''] = split(l, 3, at);
      return { question, owner: personKey(owner, at), inDays: Number(days) };
    }),
    context: { background: e.problem, today: '', constraints: [], ...e.context },
  };
}
