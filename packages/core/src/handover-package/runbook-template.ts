// Runbook-lite: the sections an operator needs to run the service without its builders (research/handover.md §2).
// Section ids and titles are the `runbook` pack validator's (packages/core/src/handover/sections.ts), so a filled-in
// template passes its completeness check; the eight the issue names are required, the other four recommended.
// Guidance sits in HTML comments: the editor shows it, the rendered page and the export do not.
import { cleanText, mdInline } from './text.ts';

export type RunbookSection = { id: string; title: string; required: boolean; guidance: string };

export const RUNBOOK_SECTIONS: readonly RunbookSection[] = [
  {
    id: 'metadata',
    title: 'Metadata',
    required: false,
    guidance: 'Product code and name, runbook version, release covered, owner, last reviewed, last exercised.',
  },
  {
    id: 'overview',
    title: 'Service overview',
    required: true,
    guidance: 'What it does, for whom, criticality, hours of operation, SLO/SLA in numbers.',
  },
  {
    id: 'architecture',
    title: 'Architecture and dependencies',
    required: true,
    guidance:
      'Diagram and component list; each upstream, downstream and third party with its owner and what happens when it fails.',
  },
  {
    id: 'environments',
    title: 'Environments and access',
    required: true,
    guidance: 'A table of environments with URLs, hosting/account ids and how to request access. No credentials.',
  },
  {
    id: 'deploy',
    title: 'Deploy and rollback',
    required: true,
    guidance:
      'Exact pipeline or commands (in code blocks), pre- and post-deploy checks, rollback steps with expected minutes, whether migrations reverse.',
  },
  {
    id: 'configuration',
    title: 'Configuration and secrets',
    required: true,
    guidance: 'Where config and feature flags live; vault paths and the rotation procedure. Never secret values.',
  },
  {
    id: 'monitoring',
    title: 'Monitoring and alerts',
    required: true,
    guidance:
      'Dashboard and log links; for every alert: name, threshold, meaning, first action and a link to its procedure.',
  },
  {
    id: 'operations',
    title: 'Routine operations',
    required: false,
    guidance:
      'Start/stop/restart, scaling, scheduled jobs, cleanup, certificate and key renewal, each with steps and how to verify.',
  },
  {
    id: 'troubleshooting',
    title: 'Known issues and troubleshooting',
    required: true,
    guidance: 'A table: symptom, diagnosis, fix, how to verify recovery, when to escalate.',
  },
  {
    id: 'backup',
    title: 'Backup, restore and disaster recovery',
    required: false,
    guidance: 'What is backed up, how often, RPO/RTO, restore steps, date and duration of the last restore test.',
  },
  {
    id: 'security-ops',
    title: 'Security operations',
    required: false,
    guidance: 'Patching cadence, dependency and secret scanning, access reviews, how to report a vulnerability.',
  },
  {
    id: 'contacts',
    title: 'Contacts and escalation',
    required: true,
    guidance:
      'Link to the escalation matrix and support flow; owner, on-call, vendor support with the contract reference.',
  },
];

export type RunbookProduct = { name: string; code?: string | null; version?: string | null; owner?: string | null };

/** A runbook-lite skeleton for a product: every section heading with its guidance; metadata filled where known. */
export function runbookLiteTemplate(product: RunbookProduct): string {
  const name = mdInline(product.name) || 'Product';
  const out = [`# Runbook: ${name}`, ''];
  for (const section of RUNBOOK_SECTIONS) {
    out.push(
      `## ${section.title}`,
      '',
      `<!-- ${section.required ? 'Required' : 'Recommended'}. ${section.guidance} -->`,
    );
    if (section.id === 'metadata') out.push('', ...metadataLines(product));
    out.push('');
  }
  return out.join('\n');
}

function metadataLines(product: RunbookProduct): string[] {
  const known = (v: unknown) => (cleanText(v) === '' ? '' : mdInline(v));
  return [
    `- Product: ${known(product.name)}${product.code ? ` (${known(product.code)})` : ''}`,
    `- Release covered: ${known(product.version)}`,
    `- Owner: ${known(product.owner)}`,
    '- Runbook version: 1',
    '- Last reviewed: ',
    '- Last exercised: ',
  ];
}
