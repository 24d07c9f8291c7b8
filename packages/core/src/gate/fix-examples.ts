// Fix texts end with a concrete example. A graduation system told "e.g. Median payout time …" learns nothing, so a
// fix names a slot ({{eg:metric}}) and the gate fills it from the document's domain. Payments is the default (and
// the tie-breaker) because its examples are the ones the fixes always carried: payments documents read as before.

export type Domain = 'payments' | 'education' | 'health' | 'public-service' | 'commerce' | 'software';

export const SLOTS = [
  'metric',
  'problem',
  'evidence',
  'requirement',
  'criterion',
  'nonGoal',
  'nonGoalReason',
  'segment',
  'story',
  'flow',
  'event',
  'dashboard',
  'phases',
  'rollout',
  'rollback',
  'mitigation',
  'dependencyOwner',
  'notApplicable',
] as const;
export type Slot = (typeof SLOTS)[number];

// Word stems per domain; `\w*` marks a prefix. "in order to" is not an order, "first-class" is not a class.
const KEYWORDS: Record<Domain, string> = {
  payments:
    'payments?|payouts?|merchants?|invoic\\w*|wallets?|transactions?|bank\\w*|cards?|refunds?|ledgers?|settlements?|remittances?|payees?|acquir\\w*',
  education:
    'students?|courses?|coursework|teachers?|schools?|classes|classrooms?|grades?|graduat\\w*|learn\\w*|tutor\\w*|exams?|examinations?|enrol\\w*|curricul\\w*|universit\\w*|semesters?|pupils?|lecturers?|campus',
  health:
    'patients?|clinic\\w*|doctors?|nurs\\w*|hospitals?|health|healthcare|appointments?|prescriptions?|symptoms?|medications?|diagnos\\w*|caregivers?',
  'public-service':
    'citizens?|government\\w*|municipal\\w*|councils?|permits?|residents?|agency|agencies|public services?|ministry|ministries|county|counties|caseworkers?|public sector',
  commerce:
    '(?<!\\bin )orders?|carts?|checkout|shop\\w*|stores?|catalog\\w*|inventory|deliver(?:y|ies)|retail\\w*|baskets?|skus?|warehouses?|fulfil\\w*',
  software:
    'apis?|developers?|deploy\\w*|repositor(?:y|ies)|cli|sdks?|clusters?|endpoints?|latency|open source|network|nodes?|kubernetes|microservices?',
};

const DOMAINS = Object.keys(KEYWORDS) as Domain[];
// One pass over the text: one capture group per domain, and the group that matched names the domain.
const KEYWORD = new RegExp(`\\b(?:${DOMAINS.map((d) => `(${KEYWORDS[d]})`).join('|')})\\b`, 'gi');
const SCAN_LIMIT = 20_000;

/** The document's domain: most keyword hits in its first 20,000 characters; no hits or a tie → payments. */
export function domainOf(text: string): Domain {
  const hits = new Array<number>(DOMAINS.length).fill(0);
  const head = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(head); m; m = KEYWORD.exec(head)) {
    for (let i = 0; i < DOMAINS.length; i++) {
      if (m[i + 1] !== undefined) {
        hits[i] = (hits[i] ?? 0) + 1;
        break;
      }
    }
  }
  let best: Domain = 'payments';
  let most = 0;
  let tied = false;
  DOMAINS.forEach((domain, i) => {
    const n = hits[i] ?? 0;
    if (n > most) [best, most, tied] = [domain, n, false];
    else if (n === most && n > 0) tied = true;
  });
  return tied ? 'payments' : best;
}

const TOKEN = /\{\{eg:(\w+)\}\}/g;

/** `{{eg:<slot>}}` → the domain's example; an unknown slot stays as written (a test keeps the checks honest). */
export function fillExamples(fix: string, domain: Domain): string {
  if (!fix.includes('{{eg:')) return fix;
  const examples: Record<string, string> = EXAMPLES[domain];
  return fix.replace(TOKEN, (token, slot: string) => (Object.hasOwn(examples, slot) && examples[slot]) || token);
}

export const EXAMPLES: Record<Domain, Record<Slot, string>> = {
  payments: {
    metric: 'Median payout time | 3.2 days | 1 day | 30 Sep 2026',
    problem:
      'Merchants wait 3.2 days on average for payouts (finance report, May); 41% of support tickets ask about it.',
    evidence: '41% of support tickets in May (Zendesk) ask where a payout is.',
    requirement: 'FR-1 | A merchant can see the expected payout date for each sale | Must',
    criterion: 'Then the payout shows status Sent within 5 s',
    nonGoal: 'Multi-currency payouts — phase 2, needs the FX provider (Q1 2027)',
    nonGoalReason: 'Multi-currency payouts — phase 2, after the FX provider contract (Q1 2027)',
    segment: 'Small merchants (1,200 accounts, 1–5 staff)',
    story: 'As a small-merchant owner, I want to see when a payout lands so that I can pay suppliers on time.',
    flow: '1. Merchant opens Payouts → 2. sees the expected date per sale → 3. taps a payout to see its status',
    event: 'payout_eta_viewed — merchant opens a payout; props: payout_id, eta_days',
    dashboard: 'Looker: Payouts ETA dashboard, reviewed weekly by the PO',
    phases: 'Pilot: 50 merchants, 1–14 Sep 2026; GA: 1 Oct 2026',
    rollout: 'behind flag payouts_eta; 5% → 25% → 100% of merchants',
    rollback: 'If payout errors exceed 1% for 15 min, turn off flag payouts_eta',
    mitigation: 'Mitigation: pilot with 50 merchants first; alert if errors > 1% (owner: @li)',
    dependencyOwner: '(owner: Treasury team, needed by 2026-08-01)',
    notApplicable: 'No personal data is stored: payouts reuse the existing ledger (see DPIA-12)',
  },
  education: {
    metric: 'Median time to confirm graduation eligibility | 21 days | 3 days | 31 Jul 2026',
    problem:
      'Final-year students wait 21 days on average for their degree audit (registry report, May); 38% of advising tickets ask about it.',
    evidence: '38% of advising tickets in May (ServiceNow) ask whether a student can graduate on time.',
    requirement: 'FR-1 | A student can see which credits they still need to graduate | Must',
    criterion: 'Then the audit shows status Eligible within 5 s',
    nonGoal: 'Transcript printing — phase 2, needs the records-system upgrade (Q1 2027)',
    nonGoalReason: 'Transcript printing — phase 2, after the records-system upgrade (Q1 2027)',
    segment: 'Final-year undergraduates (3,800 students, 12 faculties)',
    story:
      'As a final-year student, I want to see which credits I still need so that I can enrol in the right courses before the deadline.',
    flow: '1. Student opens Graduation → 2. sees the credits still needed per requirement → 3. taps a course to see how it counts',
    event: 'degree_audit_viewed — student opens their audit; props: student_id, credits_missing',
    dashboard: 'Power BI: Graduation readiness dashboard, reviewed weekly by the registrar',
    phases: 'Pilot: 2 faculties, 1–14 Sep 2026; all faculties: 1 Oct 2026',
    rollout: 'behind flag degree_audit; 5% → 25% → 100% of final-year students',
    rollback: 'If audit errors exceed 1% for 15 min, turn off flag degree_audit',
    mitigation: 'Mitigation: pilot with 2 faculties first; the registry re-checks 50 audits by hand (owner: @li)',
    dependencyOwner: '(owner: Student Records team, needed by 2026-08-01)',
    notApplicable: 'No new personal data is stored: the audit reads the existing student record (see DPIA-12)',
  },
  health: {
    metric: 'Median wait for a routine appointment | 9 days | 3 days | 30 Sep 2026',
    problem:
      'Patients wait 9 days on average for a routine appointment (access report, May); 27% of calls to reception ask about it.',
    evidence: '27% of calls to reception in May (telephony log) ask when the next appointment is free.',
    requirement: 'FR-1 | A patient can book the next free appointment at their clinic online | Must',
    criterion: 'Then the appointment shows status Confirmed within 5 s',
    nonGoal: 'Video consultations — phase 2, needs the telehealth vendor (Q1 2027)',
    nonGoalReason: 'Video consultations — phase 2, after the telehealth vendor contract (Q1 2027)',
    segment: 'Patients with a chronic condition (8,500 registered, 2+ visits a year)',
    story: 'As a patient with diabetes, I want to book my check-up online so that I do not wait 20 minutes on hold.',
    flow: '1. Patient opens Appointments → 2. sees the next free slots per clinic → 3. taps a slot to confirm it',
    event: 'appointment_booked — patient confirms a slot; props: clinic_id, lead_time_days',
    dashboard: 'Tableau: Appointment access dashboard, reviewed weekly by the practice manager',
    phases: 'Pilot: 3 clinics, 1–14 Sep 2026; all clinics: 1 Oct 2026',
    rollout: 'behind flag online_booking; 5% → 25% → 100% of patients',
    rollback: 'If booking errors exceed 1% for 15 min, turn off flag online_booking',
    mitigation: 'Mitigation: pilot with 3 clinics first; alert if double bookings > 0.5% (owner: @li)',
    dependencyOwner: '(owner: EHR integration team, needed by 2026-08-01)',
    notApplicable: 'No new health data is stored: booking reuses the existing patient record (see DPIA-12)',
  },
  'public-service': {
    metric: 'Median time to decide a parking permit | 12 days | 2 days | 30 Sep 2026',
    problem:
      'Residents wait 12 days on average for a parking permit (service report, May); 35% of contact-centre calls ask about it.',
    evidence: '35% of contact-centre calls in May (CRM) ask where a permit application is.',
    requirement: 'FR-1 | A resident can see the status and expected decision date of each application | Must',
    criterion: 'Then the application shows status Approved within 5 s',
    nonGoal: 'Business permits — phase 2, needs the licensing system migration (Q1 2027)',
    nonGoalReason: 'Business permits — phase 2, after the licensing system migration (Q1 2027)',
    segment: 'Residents in controlled parking zones (42,000 households, 9 zones)',
    story: 'As a resident, I want to see when my permit will be decided so that I can avoid parking fines.',
    flow: '1. Resident opens My applications → 2. sees the expected decision date per application → 3. taps one to see its status',
    event: 'permit_status_viewed — resident opens an application; props: application_id, days_open',
    dashboard: 'Power BI: Permit processing dashboard, reviewed weekly by the service owner',
    phases: 'Pilot: 2 zones, 1–14 Sep 2026; all zones: 1 Oct 2026',
    rollout: 'behind flag permit_status; 5% → 25% → 100% of applicants',
    rollback: 'If status errors exceed 1% for 15 min, turn off flag permit_status',
    mitigation: 'Mitigation: pilot in 2 zones first; keep the phone line staffed until calls drop 20% (owner: @li)',
    dependencyOwner: '(owner: Licensing team, needed by 2026-08-01)',
    notApplicable: 'No new personal data is stored: the status page reads the existing case record (see DPIA-12)',
  },
  commerce: {
    metric: 'Orders delivered late | 8.5% | 3% | 30 Sep 2026',
    problem:
      'Shoppers wait 4.1 days on average for delivery (logistics report, May); 37% of support tickets ask where an order is.',
    evidence: '37% of support tickets in May (Zendesk) ask where an order is.',
    requirement: 'FR-1 | A shopper can see the expected delivery date for each order | Must',
    criterion: 'Then the order shows status Shipped within 5 s',
    nonGoal: 'International shipping — phase 2, needs the customs broker (Q1 2027)',
    nonGoalReason: 'International shipping — phase 2, after the customs broker contract (Q1 2027)',
    segment: 'Repeat shoppers (58,000 customers, 3+ orders a year)',
    story: 'As a repeat shopper, I want to see when my order arrives so that I can be home to receive it.',
    flow: '1. Shopper opens Orders → 2. sees the expected delivery date per order → 3. taps an order to track it',
    event: 'order_eta_viewed — shopper opens an order; props: order_id, eta_days',
    dashboard: 'Looker: Delivery promise dashboard, reviewed weekly by the PO',
    phases: 'Pilot: 2 warehouses, 1–14 Sep 2026; GA: 1 Oct 2026',
    rollout: 'behind flag order_eta; 5% → 25% → 100% of shoppers',
    rollback: 'If checkout errors exceed 1% for 15 min, turn off flag order_eta',
    mitigation: 'Mitigation: pilot with 2 warehouses first; alert if late deliveries > 5% (owner: @li)',
    dependencyOwner: '(owner: Fulfilment team, needed by 2026-08-01)',
    notApplicable: 'No new personal data is stored: tracking reuses the existing order record (see DPIA-12)',
  },
  software: {
    metric: 'p95 deploy time | 14 min | 5 min | 30 Sep 2026',
    problem:
      'Developers wait 14 minutes on average for a deploy (CI report, May); 41% of platform tickets ask about it.',
    evidence: '41% of platform tickets in May (Jira) ask why a deploy is stuck.',
    requirement: 'FR-1 | A developer can see the status and logs of each deploy from the CLI | Must',
    criterion: 'Then the deploy shows status Live within 5 s',
    nonGoal: 'Multi-region deploys — phase 2, needs the second cluster (Q1 2027)',
    nonGoalReason: 'Multi-region deploys — phase 2, after the second cluster goes live (Q1 2027)',
    segment: 'Backend teams (120 developers, 35 services)',
    story:
      'As a backend developer, I want to see why a deploy failed so that I can fix it without paging the platform team.',
    flow: '1. Developer opens Deploys → 2. sees the status per service → 3. clicks a deploy to see its logs',
    event: 'deploy_status_viewed — developer opens a deploy; props: deploy_id, duration_s',
    dashboard: 'Grafana: Deploy health dashboard, reviewed weekly by the platform lead',
    phases: 'Pilot: 5 services, 1–14 Sep 2026; GA: 1 Oct 2026',
    rollout: 'behind flag deploy_status_v2; 5% → 25% → 100% of services',
    rollback: 'If deploy errors exceed 1% for 15 min, turn off flag deploy_status_v2',
    mitigation: 'Mitigation: pilot with 5 services first; alert if errors > 1% (owner: @li)',
    dependencyOwner: '(owner: Platform team, needed by 2026-08-01)',
    notApplicable: 'No personal data is stored: deploy logs hold only service names and commit ids (see DPIA-12)',
  },
};
