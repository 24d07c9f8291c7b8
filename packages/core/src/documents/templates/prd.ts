// The default PRD template (v1.0). Sections follow the gate's rubric v1 so a filled-in template can pass;
// guidance lives in HTML comments (invisible when rendered) and every TBD is a placeholder the gate flags.
export const PRD_TEMPLATE = `---
title: {{document.title}}
product: {{product.code}}
subsidiary: {{subsidiary.code}}
owner: {{author.name}}
status: draft
created: {{date}}
---

# {{product.name}} — Product Requirements

| Field | Value |
|---|---|
| Document | {{document.code}} |
| Product | {{product.name}} ({{product.code}}) |
| Subsidiary | {{subsidiary.name}} |
| Owner (PO) | {{author.name}} |
| Venture builder | TBD |
| Status | Draft |
| Date | {{date}} |
| Approvers | TBD |

## Problem

<!-- Problem before solution. Who is hurt, how often, how much? Give evidence: a number, a source, a quote.
Example: "Merchants wait 3.2 days on average for payouts (finance report, May); 41% of support tickets ask about it." -->

TBD

## Users

<!-- Name the segments or personas and the job they are trying to get done.
Use "As a <role>, I want <capability> so that <benefit>." or "When <situation>, I want <motivation>, so I can <outcome>." -->

- **Primary:** TBD
- **Secondary:** TBD

## Goals and success metrics

<!-- Every goal needs a metric with baseline → target, a unit and a time window. A goal without a number is a finding. -->

| Goal | Metric | Baseline | Target | By when |
|---|---|---|---|---|
| TBD | TBD | TBD | TBD | TBD |

## Scope and non-goals

### In scope

- TBD

### Non-goals

<!-- At least two things we will explicitly not do, with the reason. This is what stops scope creep. -->

- TBD — because TBD
- TBD — because TBD

## Requirements

<!-- Atomic, testable requirements with stable ids and a priority (Must / Should / Could / Won't).
Ids are a public contract: stories, tests and the handover trace back to them. Never reuse an id. -->

| Id | Requirement | Priority |
|---|---|---|
| FR-1 | TBD | Must |
| FR-2 | TBD | Should |

## Acceptance criteria

<!-- Every requirement needs criteria that state an observable outcome (a number, a message, a state). -->

### FR-1

\`\`\`gherkin
Given TBD
When TBD
Then TBD
\`\`\`

### FR-2

\`\`\`gherkin
Given TBD
When TBD
Then TBD
\`\`\`

## Non-functional requirements

<!-- Quantify: latency (p95 in ms), availability (%), data protection (GDPR, PCI), accessibility (WCAG 2.2 AA), capacity. -->

| Area | Requirement |
|---|---|
| Performance | TBD |
| Availability | TBD |
| Security and privacy | TBD |
| Accessibility | TBD |

## Experience and design

<!-- Link the designs or describe the key flows step by step. -->

TBD

## Release plan

<!-- Phases with dates: pilot group, feature flag or % rollout, GA, and how we roll back. -->

| Phase | Audience | Date | Exit criteria |
|---|---|---|---|
| Pilot | TBD | TBD | TBD |
| General availability | TBD | TBD | TBD |

Rollback: TBD

## Risks, assumptions and dependencies

<!-- Every risk has a mitigation and an owner; every dependency has an owner. -->

| Risk or dependency | Likelihood | Impact | Mitigation | Owner |
|---|---|---|---|---|
| TBD | TBD | TBD | TBD | TBD |

## Analytics

<!-- The events (snake_case) and dashboards that make the success metrics measurable. -->

| Event | When it fires | Properties | Metric it feeds |
|---|---|---|---|
| TBD | TBD | TBD | TBD |

## Open questions

<!-- Each open question has an owner and a date. -->

| Question | Owner | Due |
|---|---|---|
| TBD | TBD | TBD |
`;
