import type { CatalogEntry } from '../facts.ts';

export const FINTX: CatalogEntry[] = [
  {
    sub: 'FINTX',
    key: 'PAYOUTS',
    name: 'Merchant Payouts',
    type: 'api_service',
    tags: ['payments', 'b2b', 'compliance'],
    stage: 'live',
    summary: 'Same-day and instant payouts to merchant bank accounts, with reconciliation files for finance teams.',
    po: 'leila',
    vb: 'youssef',
    builder: 'atoum',
    it: 'karim',
    problem:
      'Merchants wait 3.2 business days on average for their card takings, and 41% of merchant support tickets ask where a payout is. Small merchants cover the gap with expensive overdrafts and churn to competitors who settle the same day.',
    evidence: [
      'Support export, Q3: 4,812 of 11,730 merchant tickets (41%) were payout status questions.',
      'Churn interviews with 18 merchants: 11 named settlement speed as the first reason to leave.',
      '"I pay my suppliers on Friday and your money arrives on Tuesday." — bakery owner, Casablanca pilot',
    ],
    users: [
      'merchant owner | to receive my takings on the same day | I can pay suppliers without an overdraft',
      'finance analyst | a daily reconciliation file | I can close the books without manual matching',
    ],
    metrics: [
      'Median time from settlement to payout | 3.2 days | 4 hours | within 90 days of GA',
      'Payout status tickets per 1,000 merchants | 410 | 120 | by the end of Q2',
      'Merchant 90-day churn | 6.5% | 4.0% | two quarters after GA',
    ],
    nonGoals: [
      'Payouts in currencies other than MAD and EUR (treasury has no FX licence for this pilot).',
      'Changing the card acquiring fees; pricing is owned by the commercial team.',
      'A merchant-facing mobile app; merchants use the existing web dashboard.',
    ],
    requirements: [
      'Must | Merchants can schedule a daily payout at a cut-off time they choose between 10:00 and 18:00. | a verified merchant with a settled balance of 5,000 MAD | the 14:00 cut-off passes | a payout of 5,000 MAD is created with status "scheduled" within 60 seconds',
      'Must | The service sends payouts to the bank through the ISO 20022 pain.001 file channel. | three scheduled payouts | the batch job runs | one pain.001 file with three credit transfers reaches the bank SFTP and the payouts move to "sent"',
      'Must | Merchants see the status of each payout in the dashboard. | a payout in status "sent" | the merchant opens Payouts | the row shows "Sent to bank" and the expected arrival date',
      'Should | Finance receives a daily CSV reconciliation file at 06:00 UTC. | 120 payouts on the previous day | the clock reaches 06:00 UTC | a CSV with 120 rows and a control total is in the finance bucket',
      'Must | Payouts above 50,000 MAD require a second approver. | a payout of 60,000 MAD | it is scheduled | it waits in "approval required" until a second finance user approves it',
      'Should | Merchants can request an instant payout for a fee of 1%. | a settled balance of 2,000 MAD and instant payouts enabled | the merchant requests an instant payout | the bank confirms the transfer within 30 minutes and a fee of 20 MAD is shown',
      'Could | Failed payouts are retried once, then reported to the merchant with the bank reason code. | a payout rejected by the bank with reason AC04 | the retry also fails | the merchant sees "Account closed (AC04)" and support receives a ticket',
    ],
    nfrs: [
      'Availability of the payout API: 99.9% per calendar month.',
      'p95 latency of GET /payouts below 300 ms at 200 requests per second.',
      'PCI DSS 4.0 scope unchanged: no card data enters the payout service.',
      'Bank credentials stored in the HSM-backed vault and rotated every 90 days.',
    ],
    ux: 'Flow: Dashboard → Payouts → Schedule (cut-off picker) → Confirmation. Figma: https://figma.demo.pistudio.local/file/fintx-payouts (frames 12–19).',
    release: [
      'Week 1–2: internal pilot with 20 merchants behind the `payouts_v2` flag.',
      'Week 3–4: 10% of merchants in Casablanca; daily review of failed payouts.',
      'Week 5: general availability; instant payouts stay in beta.',
      'Rollback: switch the flag off; scheduled payouts fall back to the T+3 batch.',
    ],
    risks: [
      'The bank rejects files during its quarterly maintenance window. | Queue files and resend after the window; alert on a delay above 2 hours. | karim',
      'Fraudsters use instant payouts to cash out stolen cards. | Instant payouts only for merchants older than 30 days with a FraudLens score below 0.2. | youssef',
      'Finance cannot absorb the reconciliation format change. | Run old and new files side by side for two weeks. | leila',
    ],
    events: [
      'payout_scheduled | a payout is created by the cut-off job',
      'payout_sent | the bank acknowledges the file',
      'payout_failed | the bank rejects a credit transfer',
      'instant_payout_requested | a merchant asks for an instant payout',
    ],
    openQuestions: ['Do we charge the instant payout fee per payout or per day? | youssef | 14'],
    context: {
      background:
        'FINTX acquires card payments for 9,400 small merchants. Settlement to merchants runs once a day at T+3 through a legacy batch that finance operates by hand.',
      today:
        'Finance exports settled transactions at 07:00, builds a bank file in a spreadsheet and uploads it. Merchants learn about payouts only from their bank statement.',
      constraints: [
        'The partner bank accepts ISO 20022 pain.001 files over SFTP only.',
        'Payout data must stay in the Morocco region (central bank rule 2023-07).',
        'Finance has two people for reconciliation.',
      ],
    },
    prd: [
      { version: '1.0', quality: 'medium', weeksAgo: 20, note: 'First draft from discovery', requirements: 4 },
      { version: '1.1', quality: 'medium', weeksAgo: 17, note: 'Added the approval rule', requirements: 5 },
      {
        version: '1.2',
        quality: 'strong',
        weeksAgo: 14,
        note: 'Gate fixes: metrics, criteria, non-goals',
        requirements: 5,
      },
      { version: '2.0', quality: 'strong', weeksAgo: 6, note: 'Instant payouts and retries' },
    ],
    contextVersions: [
      { version: '1.0', quality: 'strong', weeksAgo: 21, note: 'Discovery summary' },
      { version: '1.1', quality: 'strong', weeksAgo: 15, note: 'Bank constraints confirmed' },
    ],
  },
  {
    sub: 'FINTX',
    key: 'KYCFLOW',
    name: 'KYC Onboarding Flow',
    type: 'mobile_app',
    tags: ['onboarding', 'compliance', 'b2c'],
    stage: 'uat',
    summary: 'Self-service identity verification in the wallet app: ID scan, selfie match and sanctions screening.',
    po: 'leila',
    vb: 'youssef',
    builder: 'atoum',
    it: 'karim',
    problem:
      'Only 38% of people who download the wallet finish identity checks; the rest abandon at the branch visit we require today. Each branch verification costs 4.10 USD in staff time.',
    evidence: [
      'Funnel, last 8 weeks: 52,300 installs → 19,900 verified (38%).',
      'Branch operations report: 11 minutes of staff time per verification.',
    ],
    users: [
      'new wallet customer | to verify my identity from my phone | I can use the wallet today',
      'compliance officer | a complete audit record for each check | I can answer the regulator within 48 hours',
    ],
    metrics: [
      'Install-to-verified conversion | 38% | 65% | within 60 days of launch',
      'Median verification time | 2 days | 6 minutes | from launch',
      'Cost per verification | 4.10 USD | 0.90 USD | by the end of Q3',
    ],
    nonGoals: [
      'Business (KYB) onboarding.',
      'Passports from outside the 12 supported countries.',
      'Replacing the core banking customer record.',
    ],
    requirements: [
      'Must | The app captures both sides of a national ID card and reads the MRZ. | a valid Moroccan national ID card | the customer scans both sides | name, date of birth and document number are prefilled',
      'Must | A selfie is matched against the ID photo with a liveness check. | a customer whose selfie matches the ID photo | the match score is 0.85 or higher | the step shows "Identity confirmed"',
      'Must | Each applicant is screened against the UN and national sanctions lists. | an applicant whose name is on the national list | screening runs | the account stays "pending review" and a case opens for compliance',
      'Should | Compliance officers approve or reject pending cases with a reason. | a pending case | an officer rejects it with reason "document forged" | the customer sees the rejection message and the audit record holds the reason',
      'Could | Customers resume an unfinished verification for 7 days. | a customer who stopped after the ID scan | they reopen the app on day 3 | the flow resumes at the selfie step',
    ],
    nfrs: [
      'End-to-end verification under 90 seconds at p90 on a 3G connection.',
      'Images encrypted at rest (AES-256) and deleted after 5 years per AML law 43-05.',
      'WCAG 2.2 AA for each screen of the flow.',
    ],
    ux: 'Flow: Welcome → ID front → ID back → Selfie → Review → Done. Prototype: https://figma.demo.pistudio.local/file/fintx-kyc.',
    release: [
      'Pilot: 500 customers in Rabat behind the `kyc_selfie` flag.',
      'Beta: 25% of new installs for two weeks; compare conversion against the branch flow.',
      'GA after compliance sign-off; rollback returns new installs to the branch flow.',
    ],
    risks: [
      'Face match bias against darker skin tones. | Vendor bias report reviewed; manual review for scores between 0.75 and 0.85. | leila',
      'The regulator asks for video KYC. | Keep the branch flow as a fallback; the vendor offers a video add-on. | youssef',
    ],
    events: [
      'kyc_started | the customer opens the flow',
      'kyc_id_captured | both sides of the ID are read',
      'kyc_completed | the account becomes verified',
    ],
    openQuestions: ['Which vendor hosts the liveness model in-country? | karim | 10'],
    context: {
      background: 'The FINTX wallet launched in 2024 with branch-based verification, inherited from the parent bank.',
      today: 'Customers book a branch slot, bring their ID, and a clerk types the data into core banking.',
      constraints: [
        'AML law 43-05 record keeping.',
        'The vendor must host data in-country.',
        'Budget: 60k USD per year.',
      ],
    },
    prd: [
      { version: '1.0', quality: 'weak', weeksAgo: 10, note: 'Idea write-up' },
      { version: '1.1', quality: 'medium', weeksAgo: 8, note: 'After gate feedback', requirements: 4 },
      { version: '1.2', quality: 'strong', weeksAgo: 5, note: 'Conditional pass fixes closed' },
    ],
    contextVersions: [{ version: '1.0', quality: 'strong', weeksAgo: 11, note: 'Initial context' }],
  },
  {
    sub: 'FINTX',
    key: 'FRAUDLENS',
    name: 'FraudLens Risk Scoring',
    type: 'data_product',
    tags: ['ai', 'payments'],
    stage: 'gate',
    summary:
      'A risk score for each card transaction so the fraud team reviews the riskiest 2% instead of random samples.',
    po: 'leila',
    vb: 'youssef',
    problem:
      'The fraud team reviews a random 5% sample of transactions and finds fraud late; chargebacks cost 310k USD last year.',
    evidence: ['Chargeback ledger 2025: 310k USD across 1,940 disputes.'],
    users: ['fraud analyst | a ranked review queue | I see the riskiest transactions first'],
    metrics: [
      'Chargeback losses | 310k USD per year | 180k USD per year | within 12 months',
      'Analyst review precision | 3% | 20% | after 3 months',
    ],
    nonGoals: ['Blocking transactions in real time (phase 2).'],
    requirements: [
      'Must | Score each authorised transaction within 5 minutes. | an authorised transaction | 5 minutes pass | a score between 0 and 1 is stored',
      'Must | Show the top 2% by score in the review queue. | 10,000 scored transactions | an analyst opens the queue | 200 transactions are listed by score',
      'Should | Analysts label reviewed transactions as fraud or genuine. | a queued transaction | the analyst labels it | the label is stored for retraining',
      'Could | Explain the top three features behind each score. | a scored transaction | the analyst opens it | three reasons are listed',
    ],
    nfrs: ['Model retrained monthly; a drift alert fires when precision drops below 12%.'],
    risks: [
      'Too few labelled fraud cases to train on. | Start with vendor rules. | youssef',
      'Analysts distrust the score. | Show explanations per score. | leila',
    ],
    openQuestions: ['Can we use chargeback data older than 2 years? | leila | 7'],
    context: {
      background: 'FINTX processes 2.1 million card transactions a month; fraud review is manual.',
      today: 'Two analysts sample 5% of transactions in a spreadsheet every morning.',
      constraints: ['No customer data leaves the FINTX data warehouse.'],
    },
    prd: [
      { version: '1.0', quality: 'medium', weeksAgo: 3, note: 'First draft' },
      { version: '1.1', quality: 'medium', weeksAgo: 1, note: 'Submitted to the gate' },
    ],
    contextVersions: [{ version: '1.0', quality: 'medium', weeksAgo: 4, note: 'Initial context' }],
  },
];
