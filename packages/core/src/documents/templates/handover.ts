// The default Handover template (v1.0), following readiness checklist v1 (scope, QA, security, operations,
// support, documentation, ownership). Evidence is a link, file or record id — a bare tick does not count.
export const HANDOVER_TEMPLATE = `---
title: {{document.title}}
product: {{product.code}}
subsidiary: {{subsidiary.code}}
owner: {{author.name}}
release: TBD
status: draft
created: {{date}}
---

# {{product.name}} — Handover to IT

| Field | Value |
|---|---|
| Document | {{document.code}} |
| Product | {{product.name}} ({{product.code}}) |
| Release version | TBD |
| Baseline PRD | {{product.code}}-PRD vTBD |
| Product owner | {{author.name}} |
| IT owner | TBD |
| Readiness review date | TBD |

## 1. Release scope

<!-- What IT is accepting: in and out of scope, linked to the baseline PRD version and the stories/bugs delivered. -->

- **In scope:** TBD
- **Out of scope:** TBD
- **Stories and bugs delivered:** TBD
- **UAT sign-off:** TBD (version and content hash)

### Known issues

| Id | Severity | Description | Workaround | Target fix |
|---|---|---|---|---|
| TBD | TBD | TBD | TBD | TBD |

## 2. Readiness checklist

<!-- An open required item, or one without evidence, blocks the handover. "N/A" needs a reason and an approver. -->

| Id | Item | Required | Status | Evidence |
|---|---|---|---|---|
| SCP-1 | Release scope linked to the baseline PRD and delivered stories | Yes | Open | TBD |
| SCP-2 | UAT sign-off recorded for this exact build | Yes | Open | TBD |
| SCP-3 | Known issues listed with severity, workaround and target fix | Yes | Open | TBD |
| SCP-4 | Success KPIs instrumented and visible | Recommended | Open | TBD |
| QA-1 | Test completion report passes validation | Yes | Open | TBD |
| QA-2 | No open critical/high defects, or each waived by the IT owner | Yes | Open | TBD |
| QA-3 | Every in-scope requirement traced to at least one passed test | Yes | Open | TBD |
| QA-4 | Automated regression suite green on the release commit | Yes | Open | TBD |
| SEC-1 | Security pack covers OWASP Top 10 2021 (A01–A10) | Yes | Open | TBD |
| SEC-2 | Dependency scan: no unwaived critical/high | Yes | Open | TBD |
| SEC-3 | Secret scan clean; secrets live in a vault | Yes | Open | TBD |
| SEC-6 | Sign-in via corporate SSO; least-privilege roles | Yes | Open | TBD |
| SEC-7 | Data protection: inventory, encryption, retention, DPIA where required | If personal data | Open | TBD |
| OPS-1 | Runbook-lite complete (section 3) | Yes | Open | TBD |
| OPS-2 | Repeatable deploy from the pipeline; environments listed | Yes | Open | TBD |
| OPS-3 | Rollback rehearsed, with measured duration | Yes | Open | TBD |
| OPS-4 | Health check, golden signals, central logs, dashboard | Yes | Open | TBD |
| OPS-5 | Alerts route to the escalation policy and link to the runbook | Yes | Open | TBD |
| OPS-6 | SLOs agreed and measurable | Yes | Open | TBD |
| OPS-7 | Backups running and a restore tested; RPO/RTO stated | If stateful | Open | TBD |
| SUP-1 | Support flow L0–L3 defined (section 4) | Yes | Open | TBD |
| SUP-2 | Escalation matrix with named people and backups (section 5) | Yes | Open | TBD |
| SUP-4 | Knowledge-transfer session held | Yes | Open | TBD |
| SUP-5 | Early-life-support plan with exit criteria | Yes | Open | TBD |
| DOC-1 | Release notes published (section 6) | Yes | Open | TBD |
| DOC-3 | Admin documentation: configuration, users and roles, integrations | Yes | Open | TBD |
| OWN-1 | Catalog entry: owner team, lifecycle, links | Yes | Open | TBD |
| OWN-2 | Named IT owner, support team, on-call rotation, business owner | Yes | Open | TBD |
| OWN-3 | Repos, accounts, domains, certificates and secrets moved to IT-owned accounts | Yes | Open | TBD |

## 3. Runbook-lite

### Service overview

<!-- What it does, for whom, criticality, hours of operation, SLO in numbers. -->

TBD

### Architecture and dependencies

| Component or dependency | Owner | What happens when it fails |
|---|---|---|
| TBD | TBD | TBD |

### Environments and access

| Environment | URL | Hosting / account | How to get access |
|---|---|---|---|
| Production | TBD | TBD | TBD |

### Deploy and rollback

<!-- Exact pipeline or commands (in code blocks), checks before and after, rollback steps with expected minutes. -->

TBD

### Configuration and secrets

<!-- Where config and feature flags live; vault paths and rotation — never secret values. -->

TBD

### Monitoring and alerts

| Alert | Threshold | Meaning | First action |
|---|---|---|---|
| TBD | TBD | TBD | TBD |

### Troubleshooting

| Symptom | Diagnosis | Fix | Verify | Escalate when |
|---|---|---|---|---|
| TBD | TBD | TBD | TBD | TBD |

### Backup, restore and disaster recovery

<!-- What is backed up, how often, RPO/RTO, restore steps, date and duration of the last restore test. -->

TBD

## 4. Support flow

| Tier | Owner group | Channels | Hours (time zone) | Response target |
|---|---|---|---|---|
| L0 self-service | TBD | TBD | 24×7 | — |
| L1 service desk | TBD | TBD | TBD | TBD |
| L2 application support | TBD | TBD | TBD | TBD |
| L3 engineering | TBD | TBD | TBD | TBD |

## 5. Escalation matrix

| Severity | Trigger | Step | Role | Person | Backup | Channel | Acknowledge | Escalate after |
|---|---|---|---|---|---|---|---|---|
| SEV1 | Service unusable or data exposed | 1 | On-call | TBD | TBD | Pager | 20 min | 5 min |
| SEV1 | Unacknowledged | 2 | IT owner | TBD | TBD | Phone | 20 min | 15 min |
| SEV2 | Core function degraded, no workaround | 1 | On-call | TBD | TBD | Pager | 60 min | 15 min |
| SEV2 | Unacknowledged | 2 | Team lead | TBD | TBD | Phone | 60 min | 30 min |
| SEV3 | Partial loss, workaround exists | 1 | L2 support | TBD | TBD | Ticket | 2 business h | 1 business day |
| SEV4 | Minor or cosmetic | 1 | Product owner | TBD | TBD | Ticket | 1 business day | 5 business days |

## 6. Release notes

### [TBD] - {{date}}

#### Added

- TBD

#### Changed

- TBD

#### Fixed

- TBD

## 7. Early life support

- **Window:** TBD to TBD (builders stay L3)
- **Exit criteria:** no SEV1/SEV2 in the last 14 days; SLOs met over the window; all gaps closed or re-planned with IT

## 8. Decision

| Field | Value |
|---|---|
| Decision | accepted / accepted_with_gaps / rejected |
| Decided by (IT owner) | TBD |
| Co-signers | TBD |
| Date | TBD |

### Gaps accepted

| Id | Checklist item | Description | Severity | Owner | Due |
|---|---|---|---|---|---|
| TBD | TBD | TBD | TBD | TBD | TBD |
`;
