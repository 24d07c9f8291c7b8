import type { CatalogEntry } from '../facts.ts';

export const EMX: CatalogEntry[] = [
  {
    sub: 'EMX',
    key: 'CHARGEMAP',
    name: 'ChargeMap',
    type: 'mobile_app',
    tags: ['b2c'],
    stage: 'build',
    summary: 'A map of public chargers with live availability, prices and one-tap start for EMX drivers.',
    po: 'jonas',
    vb: 'sarah',
    builder: 'atoum',
    it: 'karim',
    problem:
      'Drivers arrive at chargers that are occupied or broken: 27% of charging sessions in our network start after a second stop. Drivers rate "finding a working charger" as the top pain in every survey since 2024.',
    evidence: [
      'Network logs, September: 27% of sessions follow a failed attempt at another station within 30 minutes.',
      'Driver survey (n = 1,240): 62% name charger availability as their first frustration.',
      'App store reviews mentioning "broken charger": 318 in the last 6 months.',
    ],
    users: [
      'EV driver | to see which chargers near me are free and working | I do not waste a stop',
      'fleet driver | to start a charge with my company card | I do not pay and claim expenses later',
    ],
    metrics: [
      'Sessions that follow a failed attempt | 27% | 12% | within 120 days of launch',
      'Weekly active drivers in the app | 8,300 | 20,000 | by week 26 after launch',
      'Average rating in the app stores | 3.1 | 4.3 | 6 months after launch',
    ],
    nonGoals: [
      'Route planning across several charging stops (partner apps do this well).',
      'Chargers outside the EMX and roaming partner networks.',
      'Home charger management.',
    ],
    requirements: [
      'Must | Show chargers within the visible map area with live status. | 40 chargers in the visible area, 5 of them occupied | the driver opens the map | 40 pins appear and 5 are grey with "Occupied"',
      'Must | Status updates reach the app within 60 seconds of a change at the charger. | a free charger | a car plugs in | the pin turns grey within 60 seconds',
      'Must | Drivers start a session by scanning the QR code or tapping Start. | a free charger and a saved card | the driver taps Start | the charger unlocks and the session timer shows 00:00',
      'Should | Show the price per kWh and the idle fee before the session starts. | a charger priced at 0.45 EUR/kWh | the driver opens it | "0.45 EUR/kWh, idle fee 0.10 EUR/min after 30 min" is shown',
      'Should | Drivers report a broken charger with a photo. | a driver at a broken charger | they submit a report | a maintenance ticket opens and the pin shows "Reported" for other drivers',
      'Could | Drivers reserve a fast charger for 15 minutes for 1 EUR. | a free fast charger | the driver reserves it | the charger shows "Reserved" and rejects other cars for 15 minutes',
    ],
    nfrs: [
      'Map loads in under 2 s at p95 on a mid-range Android phone over 4G.',
      'Crash-free sessions at 99.5% or higher.',
      'Location is used only while the app is open; GDPR consent recorded.',
      'WCAG 2.2 AA colour contrast for pin states.',
    ],
    ux: 'Flow: Map → Charger sheet → Start → Session → Receipt. Designs: https://figma.demo.pistudio.local/file/emx-chargemap; usability test notes in the Context document.',
    release: [
      'Sprint 1–3: build the map and live status; internal dogfood with 40 employees.',
      'Sprint 4: beta for 1,000 drivers through TestFlight and Play internal testing.',
      'Sprint 6: public release in Germany behind the `chargemap_public` remote flag; rollback by turning the flag off.',
    ],
    risks: [
      'Roaming partners send status late or not at all. | Show "status unknown" after 10 minutes without data; contract SLA review with partners. | sarah',
      'Charger firmware rejects remote start on older models. | Keep QR start as the fallback; list affected models. | karim',
      'Map clutter in dense cities. | Cluster pins above 30 per screen. | atoum',
    ],
    events: [
      'map_opened | the map screen is shown',
      'charger_selected | a driver opens a charger sheet',
      'session_started | the charger confirms the start',
      'charger_reported_broken | a driver submits a report',
    ],
    openQuestions: ['Do reservations count towards the idle fee? | jonas | 12'],
    context: {
      background:
        'EMX runs 2,300 public charge points in Germany and the Netherlands and roams with 4 partner networks. The current app only shows a static list.',
      today:
        'Drivers use third-party maps whose status data is 15–60 minutes old and then start sessions with an RFID card.',
      constraints: [
        'Charger status comes from the OCPI 2.2 feed.',
        'Payments go through the existing PSP.',
        'Launch before the summer travel season.',
      ],
    },
    prd: [
      { version: '1.0', quality: 'medium', weeksAgo: 9, note: 'Draft after discovery', requirements: 4 },
      { version: '1.1', quality: 'strong', weeksAgo: 7, note: 'Gate pass with metrics fixed', requirements: 5 },
      { version: '2.0', quality: 'strong', weeksAgo: 4, note: 'Reservations added to scope', author: 'sarah' },
    ],
    contextVersions: [{ version: '1.0', quality: 'strong', weeksAgo: 10, note: 'Discovery summary', author: 'sarah' }],
  },
  {
    sub: 'EMX',
    key: 'FLEETSYNC',
    name: 'FleetSync Charging Portal',
    type: 'web_app',
    tags: ['b2b', 'payments'],
    stage: 'handover',
    summary:
      'A portal for fleet managers: charging cards, depot chargers, monthly invoices and CO₂ reports in one place.',
    po: 'jonas',
    vb: 'sarah',
    builder: 'atoum',
    it: 'karim',
    problem:
      'Fleet customers receive one PDF invoice per driver and reconcile charging costs by hand; 3 of our 10 largest fleets said they will not renew without consolidated billing.',
    evidence: [
      'Account reviews with the 10 largest fleets (1,900 vehicles): 3 renewals at risk over billing.',
      'Fleet support spends 64 hours per month answering invoice questions.',
    ],
    users: [
      'fleet manager | one invoice per month with costs per cost centre | I can pass it to accounting unchanged',
      'sustainability lead | a CO₂ report per quarter | I can publish it in the ESG report',
    ],
    metrics: [
      'Invoice questions to fleet support | 64 hours per month | 15 hours per month | within 3 months of GA',
      'Fleet renewals among the top 10 fleets | 7 of 10 | 10 of 10 | at the next renewal cycle (Q4)',
      'Cards issued through self-service | 0% | 70% | 6 months after GA',
    ],
    nonGoals: [
      'Telematics and vehicle tracking.',
      'Invoicing for non-EMX energy (fuel cards).',
      'A mobile app for fleet managers in this release.',
    ],
    requirements: [
      'Must | Fleet managers issue and block charging cards per driver. | a fleet with 50 active cards | the manager blocks card 0042 | card 0042 is rejected at chargers within 5 minutes',
      'Must | One consolidated invoice per month with a line per cost centre. | sessions across 3 cost centres in March | the invoice run on 1 April completes | one PDF and one CSV invoice list 3 cost-centre subtotals',
      'Must | Depot chargers appear with utilisation per day. | 12 depot chargers | the manager opens Depots | a chart shows utilisation per charger for the last 30 days',
      'Should | Quarterly CO₂ savings report compared with diesel. | 240 MWh charged in Q1 | the manager downloads the report | it shows 162 t CO₂ avoided with the factor used',
      'Should | Single sign-on with Microsoft Entra ID. | a fleet with SSO configured | a manager signs in | no EMX password is asked for',
    ],
    nfrs: [
      'Invoice run for 2,000 fleets completes in under 30 minutes.',
      'Availability 99.5% during business hours (07:00–19:00 CET).',
      'GDPR: driver names visible only to managers of their fleet; data processing agreement template updated.',
      'Audit log of card changes kept for 10 years (German tax law).',
    ],
    ux: 'Flow descriptions and wireframes: https://figma.demo.pistudio.local/file/emx-fleetsync; tested with 5 fleet managers in two rounds.',
    release: [
      'Pilot with 3 fleets (420 vehicles) for one invoice cycle.',
      'Migrate the remaining 7 top fleets; old invoices continue in parallel for one month.',
      'GA for all fleets; rollback: revert to per-driver PDFs from the billing system.',
    ],
    risks: [
      'The billing system cannot export sessions per cost centre. | Cost centre mapping kept in FleetSync; nightly export verified against totals. | karim',
      'Fleet managers keep calling support out of habit. | Onboarding webinar and in-app tour; support macro points to the portal. | omar',
    ],
    events: [
      'card_issued | a manager issues a card',
      'card_blocked | a manager blocks a card',
      'invoice_downloaded | an invoice PDF or CSV is downloaded',
      'co2_report_downloaded | the CO₂ report is downloaded',
    ],
    openQuestions: ['Which CO₂ factor do we cite for the Netherlands? | sarah | 5'],
    context: {
      background: 'Fleets make up 35% of EMX charging revenue; the top 10 fleets alone 21%.',
      today: 'Billing sends a PDF per driver per month; fleet support handles card orders by email.',
      constraints: ['SAP billing stays the system of record.', 'German tax law: 10-year retention.'],
    },
    prd: [
      { version: '1.0', quality: 'strong', weeksAgo: 16, note: 'First version, passed the gate' },
      { version: '1.1', quality: 'strong', weeksAgo: 12, note: 'SSO added after pilot feedback' },
    ],
    contextVersions: [
      { version: '1.0', quality: 'medium', weeksAgo: 18, note: 'Initial context' },
      { version: '1.1', quality: 'strong', weeksAgo: 16, note: 'Fleet interviews added' },
    ],
  },
  {
    sub: 'EMX',
    key: 'BATTERYIQ',
    name: 'BatteryIQ Health Forecast',
    type: 'data_product',
    tags: ['ai', 'b2b'],
    stage: 'intake',
    summary: 'Predict battery health for fleet vehicles from charging data.',
    po: 'jonas',
    vb: 'sarah',
    problem: 'Fleet customers ask how their batteries are ageing and we have the charging data to tell them.',
    metrics: ['Fleet retention | unknown | higher | TBD', 'Upsell revenue | 0 | more | next year'],
    requirements: [
      'Must | Predict battery health for each vehicle. | a vehicle | data arrives | a prediction is shown',
      'Should | Alert fleet managers about degrading batteries. | a degrading battery | the model notices | the manager is alerted',
      'Could | Export reports. | a fleet | they export | a report downloads',
    ],
    prd: [
      { version: '1.0', quality: 'weak', weeksAgo: 1, note: 'Idea captured from a WhatsApp thread', author: 'sarah' },
    ],
    contextVersions: [{ version: '1.0', quality: 'weak', weeksAgo: 1, note: 'Idea captured', author: 'sarah' }],
  },
];
