// A product's records as the enablement generators receive them (our own wording, for the tests).
import type { EnablementInputs } from './slots.ts';

export function payoutsInputs(over: Partial<EnablementInputs> = {}): EnablementInputs {
  return {
    product: {
      name: 'Payouts',
      code: 'FINTX-PAYOUTS',
      version: 'v1.2',
      owner: 'Ana Ruiz (PO)',
      launchDate: '2026-12-14',
    },
    releaseNotes: [
      { type: 'fixed', text: 'Rounding of cents in exports', storyId: 'ST-9', priority: 2 },
      { type: 'improved', text: 'Faster approval queue', storyId: 'ST-4', priority: 2 },
      { type: 'new', text: 'Same-day payouts for verified merchants', storyId: 'ST-2', priority: 1 },
      { type: 'new', text: 'Payout status e-mails', storyId: 'ST-3', priority: 2 },
      { type: 'removed', text: 'The old CSV upload', storyId: 'ST-7', priority: 3 },
      { type: 'new', text: 'Bulk approval', storyId: 'ST-5', priority: 1 },
      { type: 'improved', text: 'Clearer failure reasons', storyId: 'ST-6', priority: 3 },
    ],
    problem:
      'Merchants wait 3 days for their money and call support 120 times a week. Finance approves each payout by hand.',
    kpis: [{ name: 'Median time to payout', baseline: '3 days', target: '1 day', deadline: '2027-03-31' }],
    mustStories: [
      {
        id: 'ST-3',
        title: 'Get a status e-mail',
        priority: 2,
        given: 'the payout list',
        when: ['Open a payout', 'Choose Notify me'],
        outcome: 'an e-mail when it is paid',
      },
      {
        id: 'ST-2',
        title: 'Request a same-day payout',
        priority: 1,
        given: 'the balance page',
        when: ['Choose Pay out today', 'Confirm the amount'],
        outcome: 'the payout marked Same day',
      },
    ],
    nonGoals: ['Pay out in foreign currencies'],
    deferredDefects: [
      { title: 'Status e-mail arrives twice on retries', severity: 2 },
      { title: 'Typo in footer', severity: 4 },
    ],
    support: [
      { tier: 'L1', channel: '#payouts-help', hours: 'Mon–Fri 8–18 CET' },
      { tier: 'L2', channel: 'payments on-call', hours: '24/7' },
    ],
    links: { video: 'https://studio.invalid/videos/payouts-1-2' },
    ...over,
  };
}
