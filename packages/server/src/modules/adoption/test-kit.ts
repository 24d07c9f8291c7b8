// Test-only data shared by the adoption module's API tests and its authorization cases.

/** A small tracking plan: two live events (one with a property) and a deprecated one. */
export const PLANNED = [
  {
    name: 'report_exported',
    description: 'A user exported a payout report',
    owner: 'Payouts PO',
    status: 'live',
    properties: [{ name: 'report_format', type: 'string', description: 'csv or pdf' }],
  },
  { name: 'payout_requested', description: 'A merchant asked for a payout', owner: 'Payouts PO', status: 'live' },
  { name: 'payout_previewed', description: 'Replaced by payout_requested', owner: 'Payouts PO', status: 'deprecated' },
];
