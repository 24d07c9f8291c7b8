// Filled-in support flow, escalation matrix and ownership artifacts that pass their structured checks (our own
// wording): the tests of the checks and the handover export benchmark use them.
import { mdTable } from './text.ts';

export const FILLED_SUPPORT = [
  '# Support flow: Payouts',
  '',
  ...mdTable(
    ['Level', 'Who', 'Channel', 'Hours (time zone)', 'First response', 'Resolution'],
    [
      [
        'L1',
        'IT Service Desk',
        'https://desk.example.org, desk@corp.test',
        'mon-fri 08:00–18:00 Europe/Berlin',
        '1 business h',
        '1 business day',
      ],
      [
        'L2',
        'App support',
        'app-support@corp.test',
        'mon-fri 08:00-18:00 Europe/Berlin',
        '4 business h',
        '3 business days',
      ],
      ['L3', 'Payouts team', 'Slack #payouts', '24x7 UTC', '30 min', '2 d'],
    ],
  ),
  '',
  '## How a ticket moves',
  '',
  'L1 follows the runbook first, then hands to L2 with the ticket and logs; L2 hands to L3 for code changes.',
].join('\n');

export const FILLED_ESCALATION = [
  '# Escalation matrix: Payouts',
  '',
  ...mdTable(
    ['Severity', 'Example', 'First contact', 'Within', 'Then', 'Within', 'Coverage'],
    [
      ['SEV1', 'Down', 'On-call / Team lead', '15 min', 'Ada Lovelace / Grace Hopper', '10 min', '24x7 UTC'],
      ['SEV2', 'Broken', 'On-call / Team lead', '30 min', 'Ada Lovelace / Grace Hopper', '20 min', '24x7 UTC'],
      [
        'SEV3',
        'Degraded',
        'Desk / App support',
        '4 business h',
        'Team lead / Ada Lovelace',
        '2 h',
        'mon-fri 08:00-18:00 Europe/Berlin',
      ],
      [
        'SEV4',
        'Question',
        'Desk / App support',
        '1 business day',
        'Team lead / Ada Lovelace',
        '4 h',
        'mon-fri 08:00-18:00 Europe/Berlin',
      ],
    ],
  ),
].join('\n');

export const FILLED_OWNERSHIP = [
  '# Ownership: Payouts',
  '',
  ...mdTable(
    ['Role', 'Who', 'Contact'],
    [
      ['IT owner', 'Ines IT', 'ines@corp.test'],
      ['Support team', 'App support', 'app-support@corp.test'],
      ['On-call', 'Payouts rotation', 'PagerDuty'],
      ['Business owner', 'Pat PO', 'pat@corp.test'],
    ],
  ),
].join('\n');
