// The gate's story in the demo studio: which PRD versions went through the gate and what ProductOps decided.
// Versions and people come from the demo catalog (src/demo/catalog); verdicts follow the catalog's notes.
import type { PersonKey } from '../../../demo/facts.ts';

export type DemoCondition = { text: string; owner: PersonKey; dueInDays: number; done: boolean };
export type DemoStep = {
  version: string;
  /** `queue`: submitted and still waiting for ProductOps. */
  decision: 'pass' | 'conditional' | 'fail' | 'queue';
  note?: string;
  conditions?: DemoCondition[];
  /** Hours from submission to the verdict. */
  hours?: number;
};

export const DEMO_GATE_PLAN: Record<string, DemoStep[]> = {
  'NXN-FIBERCHECK': [
    { version: '1.1', decision: 'fail', note: 'Goals have no baselines and the order hand-over is not specified.' },
    {
      version: '1.2',
      decision: 'conditional',
      note: 'Good enough to start the build; close the two gaps in the first sprint.',
      conditions: [
        { text: 'Add a rollback plan for the coverage checker release', owner: 'priya', dueInDays: 14, done: true },
        { text: 'Give every open question an owner and a date', owner: 'musa', dueInDays: 10, done: true },
      ],
    },
  ],
  'FINTX-PAYOUTS': [
    { version: '1.1', decision: 'fail', note: 'The approval rule has no acceptance criteria; metrics lack a window.' },
    { version: '1.2', decision: 'pass', note: 'Clear, measurable and testable.' },
  ],
  'EMX-FLEETSYNC': [{ version: '1.0', decision: 'pass', note: 'First-time pass: a model PRD.', hours: 20 }],
  'EDC-SKILLPATH': [{ version: '1.1', decision: 'pass', note: 'Passed at the first attempt.' }],
  'FINTX-KYCFLOW': [
    { version: '1.0', decision: 'fail', note: 'Mostly headings: no problem evidence, no metrics, no criteria.' },
    {
      version: '1.1',
      decision: 'conditional',
      note: 'Build can start on the ID capture; the selfie flow needs its criteria.',
      conditions: [
        { text: 'Add Given/When/Then criteria for the selfie retry flow', owner: 'leila', dueInDays: 14, done: true },
        { text: 'Quantify the liveness-check latency (p95 in ms)', owner: 'youssef', dueInDays: 21, done: true },
      ],
    },
    { version: '1.2', decision: 'pass', note: 'Conditions closed; this version is the baseline.' },
  ],
  'EMX-CHARGEMAP': [
    { version: '1.0', decision: 'fail', note: 'Success metrics are not measurable yet.' },
    { version: '1.1', decision: 'pass', note: 'Metrics fixed; ready for the build.' },
  ],
  'NXN-TOWERWATCH': [
    { version: '1.0', decision: 'fail', note: 'Predictions are out of reach for v1; scope them out explicitly.' },
    { version: '1.1', decision: 'pass' },
  ],
  'EDC-TUTORLINK': [
    { version: '1.0', decision: 'fail', note: 'A first draft: problem, metrics and criteria are missing.' },
    { version: '1.1', decision: 'queue' },
  ],
  'FINTX-FRAUDLENS': [{ version: '1.1', decision: 'queue' }],
};

/** Golden passages taken from versions that passed, marked a day after their verdict. */
export const DEMO_GOLDEN: { product: string; version: string; criteria: string[] }[] = [
  { product: 'EMX-FLEETSYNC', version: '1.0', criteria: ['metrics', 'acceptance', 'scope'] },
  { product: 'FINTX-PAYOUTS', version: '1.2', criteria: ['risks', 'release', 'nfr'] },
  { product: 'EDC-SKILLPATH', version: '1.1', criteria: ['problem', 'users'] },
];
