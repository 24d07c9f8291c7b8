// Starting texts for the package's support artifacts (research/handover.md §3–§5): headings and tables to fill, with
// the guidance as HTML comments, which Markdown renders invisibly. Pure: the product's name and people are passed in.
import { mdInline, mdTable } from './text.ts';

export type SupportTemplateProduct = { name: string; code?: string | null; itOwner?: string | null };

const heading = (title: string, product: SupportTemplateProduct) =>
  `# ${title}: ${mdInline(product.name) || 'Product'}${product.code ? ` (${mdInline(product.code)})` : ''}`;

export function supportFlowTemplate(product: SupportTemplateProduct): string {
  return [
    heading('Support flow', product),
    '',
    '<!-- Who answers first, who fixes, who changes the code; every level needs a channel, hours and response/resolution targets. -->',
    '',
    ...mdTable(
      ['Level', 'Who', 'Channel', 'Hours (time zone)', 'First response', 'Resolution'],
      [
        ['L1', 'Service desk', '', '', '', ''],
        ['L2', 'Application support', '', '', '', ''],
        ['L3', 'Product team / vendor', '', '', '', ''],
      ],
    ),
    '',
    '## How a ticket moves',
    '',
    '<!-- When L1 hands to L2 (what L1 tries first, from the runbook), when L2 hands to L3, and what the user is told. -->',
    '',
  ].join('\n');
}

export function escalationMatrixTemplate(product: SupportTemplateProduct): string {
  return [
    heading('Escalation matrix', product),
    '',
    '<!-- Per severity: who is called, by which channel, within how long, and who is next if nobody answers. SEV1 needs a 24x7 path when the service runs 24x7. -->',
    '',
    ...mdTable(
      ['Severity', 'Example', 'First contact', 'Within', 'Then', 'Within'],
      [
        ['SEV1', 'Service down for everyone', '', '', '', ''],
        ['SEV2', 'Major feature broken, no workaround', '', '', '', ''],
        ['SEV3', 'Feature degraded, workaround exists', '', '', '', ''],
        ['SEV4', 'Cosmetic or question', '', '', '', ''],
      ],
    ),
    '',
  ].join('\n');
}

export function ownershipTemplate(product: SupportTemplateProduct): string {
  return [
    heading('Ownership', product),
    '',
    '<!-- Named people or teams, not roles; the IT owner confirms them in PI Studio at acceptance. -->',
    '',
    ...mdTable(
      ['Role', 'Who', 'Contact'],
      [
        ['IT owner', product.itOwner ?? '', ''],
        ['Support team', '', ''],
        ['On-call', '', ''],
        ['Business owner', '', ''],
      ],
    ),
    '',
    '## Open items after handover',
    '',
    ...mdTable(['Item', 'Owner', 'Due'], [['', '', '']]),
    '',
  ].join('\n');
}
