// Test factory for exchange items (tests only; not exported from any entry point).
import type { ExchangeItem } from './types.ts';

export function exchangeItem(overrides: Partial<ExchangeItem> = {}): ExchangeItem {
  return {
    key: 'FINTX-PAYOUTS-S-1',
    type: 'story',
    title: 'Pay out to a debit card',
    narrative: 'As a merchant I want payouts to my debit card so that I get my money the same day.',
    acceptance:
      'Scenario: instant payout\n  Given a verified card\n  When I request a payout\n  Then it arrives within 30 minutes',
    priority: 'Must',
    status: 'ready',
    product: 'FINTX-PAYOUTS',
    parentKey: null,
    requirementIds: ['FR-1'],
    ...overrides,
  };
}
