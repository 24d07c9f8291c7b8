// The default Context template (v1.0): the short document written before a PRD, to decide whether to build.
export const CONTEXT_TEMPLATE = `---
title: {{document.title}}
product: {{product.code}}
subsidiary: {{subsidiary.code}}
owner: {{author.name}}
status: draft
created: {{date}}
---

# {{product.name}} — Context

| Field | Value |
|---|---|
| Document | {{document.code}} |
| Product | {{product.name}} ({{product.code}}) |
| Subsidiary | {{subsidiary.name}} |
| Owner | {{author.name}} |
| Date | {{date}} |

## Background

<!-- Where does this idea come from? What happened that makes it worth looking at now? -->

TBD

## Problem and evidence

<!-- Who has the problem, how often, and what it costs them. Quote numbers and sources:
support tickets, interviews, finance or usage data. -->

TBD

## Who is affected

<!-- Segments or personas, how many of them, and the job they are trying to get done. -->

- TBD

## Current workaround

<!-- What do people do today instead? What does that cost (time, money, errors)? -->

TBD

## Opportunity

<!-- Why us, why now: the value if we solve it, expressed as a number where possible (revenue, hours saved, churn). -->

TBD

## Constraints

<!-- Regulation, budget, deadlines, systems we must integrate with or must not touch. -->

- TBD

## Candidate success metrics

| Metric | Baseline | Ambition |
|---|---|---|
| TBD | TBD | TBD |

## Stakeholders

| Role | Name |
|---|---|
| Product owner | {{author.name}} |
| Venture builder | TBD |
| IT owner | TBD |

## Open questions

| Question | Owner | Due |
|---|---|---|
| TBD | TBD | TBD |

## Recommendation

<!-- Go to PRD, explore further, or stop — and why. -->

TBD
`;
