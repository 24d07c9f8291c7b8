import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Domain, domainOf, EXAMPLES, fillExamples, SLOTS } from './fix-examples.ts';
import { scoreDocument } from './score.ts';

const CHECKS = join(import.meta.dirname, 'checks');
const CORPUS = join(import.meta.dirname, '../../test/gate-corpus');
const DOMAINS = Object.keys(EXAMPLES) as Domain[];

// Thin on purpose: no metrics, non-goals, users, design, analytics or rollout, so most example slots show up.
const GRADUATION = `# Graduation audit PRD

## Problem

Final-year students at the university do not know whether they can graduate: the registry checks every degree audit
by hand, and 1 in 8 students learns of a missing course after the enrolment deadline (registry report, 2026).

## Requirements

- FR-1 (Must) A student sees the courses and credits still needed to graduate.
- FR-2 (Should) A teacher sees which students in their class are at risk of not graduating.

## Risks

- Exam grades arrive late from some schools.
- Dependency: the student records API.
`;

const PAYMENTS = `# Payout tracker PRD

## Problem

Merchants wait for payouts and call support; bank transfers and card payments settle at different times.

## Requirements

- FR-1 (Must) A merchant sees the expected payout date for each payment.
`;

const fixesOf = (text: string) => scoreDocument(text).findings.map((f) => f.fix);

describe('domainOf', () => {
  it.each([
    ['payments', 'Merchants get payouts to their bank account; refunds and card payments hit the ledger.'],
    ['education', 'Students enrol in courses; teachers grade exams before graduation at the university.'],
    ['health', 'Patients book an appointment with a doctor at the clinic; nurses renew prescriptions.'],
    ['public-service', 'Residents apply for a parking permit; the council and the county agency decide for citizens.'],
    ['commerce', 'Shoppers add items to the cart, check out, and track the delivery of each order from the store.'],
    ['software', 'Developers deploy services to the cluster with the CLI; the API endpoint latency is tracked.'],
  ] as const)('reads %s', (domain, text) => {
    expect(domainOf(text)).toBe(domain);
  });

  it('falls back to payments on no hits and on ties', () => {
    expect(domainOf('A short note about nothing in particular.')).toBe('payments');
    expect(domainOf('')).toBe('payments');
    expect(domainOf('The student pays by card.')).toBe('payments');
  });

  it('does not count "in order to" as commerce, and reads only the first 20,000 characters', () => {
    expect(domainOf('In order to help, a student and a teacher meet. We need this in order to ship.')).toBe(
      'education',
    );
    expect(domainOf(`${'Students and teachers. '.repeat(1_000)}${'Order the cart. '.repeat(5_000)}`)).toBe('education');
  });
});

describe('fillExamples', () => {
  it('fills known slots for the domain and leaves unknown ones', () => {
    expect(fillExamples('e.g. "{{eg:metric}}".', 'health')).toBe(`e.g. "${EXAMPLES.health.metric}".`);
    expect(fillExamples('e.g. "{{eg:nope}}" {{eg:toString}}', 'education')).toBe('e.g. "{{eg:nope}}" {{eg:toString}}');
    expect(fillExamples('no token here', 'software')).toBe('no token here');
  });

  it('resolves every token the checks use, for every domain', () => {
    const used = new Set<string>();
    for (const file of readdirSync(CHECKS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(join(CHECKS, file), 'utf8').matchAll(/\{\{eg:(\w+)\}\}/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThanOrEqual(15);
    for (const slot of used) {
      expect(SLOTS).toContain(slot);
      for (const domain of DOMAINS) expect(fillExamples(`{{eg:${slot}}}`, domain)).not.toContain('{{eg:');
    }
  });

  it('keeps every other domain free of payments words', () => {
    for (const domain of DOMAINS.filter((d) => d !== 'payments')) {
      for (const text of Object.values(EXAMPLES[domain])) expect(text).not.toMatch(/payout|merchant|treasury|FX/i);
    }
  });
});

describe('scoreDocument fixes', () => {
  it('gives a graduation PRD education examples, never payments ones', () => {
    expect(domainOf(GRADUATION)).toBe('education');
    const fixes = fixesOf(GRADUATION);
    expect(fixes.length).toBeGreaterThan(3);
    for (const fix of fixes) expect(fix).not.toMatch(/payout|merchant/i);
    expect(fixes.join('\n')).toContain(EXAMPLES.education.metric);
  });

  it("keeps today's payments examples for a payments PRD", () => {
    const fixes = fixesOf(PAYMENTS).join('\n');
    expect(fixes).toContain('e.g. "Median payout time | 3.2 days | 1 day | 30 Sep 2026".');
    expect(fixes).toContain('e.g. "Multi-currency payouts — phase 2, needs the FX provider (Q1 2027)".');
  });

  it('leaves no token in any fix', () => {
    const corpus = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
    for (const text of [GRADUATION, PAYMENTS, ...corpus])
      for (const fix of fixesOf(text)) expect(fix).not.toContain('{{');
  });
});
