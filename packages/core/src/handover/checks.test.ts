// Each check on small packs: one positive and one negative example per rule, located by line.
import { describe, expect, it } from 'vitest';
import { cellCount, slugOf } from './formatting.ts';
import { PAYFLOW_RECORD } from './test-packs/product-record.ts';
import type { PackKind, ProductRecord } from './types.ts';
import { validatePack } from './validate.ts';

/** Enough prose that the pack is not refused as a stub. */
const FILLER =
  'The service settles merchant payouts every weekday at 17:00 and keeps a full audit trail of each batch sent to the bank, with one retry per failed line and a report to finance by 18:00.';

function hits(body: string, criterion: string, kind: PackKind = 'doc', product?: ProductRecord): string[] {
  const text = `# Pack\n\n${FILLER}\n\n${body}\n`;
  return validatePack(text, kind, { product })
    .findings.filter((f) => f.criterion === criterion)
    .map((f) => `${f.line} ${f.rule}`);
}

describe('formatting', () => {
  it('counts cells the way GFM splits them', () => {
    expect(cellCount('| a | b | c |')).toBe(3);
    expect(cellCount('a | b')).toBe(2);
    expect(cellCount('| `a|b` | c \\| d |')).toBe(2);
    expect(slugOf('Deploy & Rollback (prod)')).toBe('deploy--rollback-prod');
  });

  it('finds a skipped level, an empty section, a short row and an unclosed fence', () => {
    const body = [
      '## Deploy', // 5
      '',
      '#### Steps', // 7
      '',
      '| Step | Owner |',
      '| --- | --- |',
      '| build | ops |',
      '| deploy |', // 12
      '',
      '## Empty', // 14
      '## Code', // 15
      '',
      '```sh', // 17
      'deployctl up',
    ].join('\n');
    expect(hits(body, 'pack.format')).toEqual([
      '7 pack.format.heading_skip',
      '12 pack.format.table_columns',
      '14 pack.format.empty_section',
      '17 pack.format.unclosed_fence',
    ]);
  });

  it('finds numbering gaps, empty items and dead anchors, and accepts 1. 1. 1. and live anchors', () => {
    const body = [
      '## Steps',
      '',
      '1. build',
      '2. test',
      '4. deploy',
      '-',
      '',
      'See [steps](#steps) and [nowhere](#rollback).',
    ].join('\n');
    expect(hits(body, 'pack.format')).toEqual([
      '9 pack.format.list_numbering',
      '10 pack.format.empty_list_item',
      '12 pack.format.dead_anchor',
    ]);
    expect(
      hits(
        ['## Steps', '', '1. build', '1. test', '1. deploy', '', 'See [the steps](#steps).'].join('\n'),
        'pack.format',
      ),
    ).toEqual([]);
  });
});

describe('AI leftovers', () => {
  it('finds chatter, artefacts, placeholders, example hosts and fake contacts in prose', () => {
    const body = [
      'As an AI language model, I cannot verify the dates.', // 5
      'Sources: :contentReference[oaicite:2]{index=2}', // 6
      'Owner: [Your Name], due {{due_date}}.', // 7
      'Health check: https://api.example.com/health', // 8
      'Mail name@company.com or call 555-0142.', // 9
      'Rollback time: TBD', // 10
    ].join('\n');
    expect(hits(body, 'pack.ai')).toEqual([
      '5 pack.ai.chatter',
      '6 pack.ai.chat_artifact',
      '7 pack.ai.template_placeholder',
      '8 pack.ai.example_host',
      '9 pack.ai.placeholder_email',
      '9 pack.ai.placeholder_phone',
      '10 pack.ai.open_placeholder',
    ]);
  });

  it('leaves placeholders and example hosts in code alone, and real contacts too', () => {
    const body = [
      '```sh',
      'curl -H "Authorization: Bearer <TOKEN>" https://api.example.com/v1/TODO',
      '```',
      '',
      'Mail ada.obi@fintx.io.',
    ].join('\n');
    expect(hits(body, 'pack.ai')).toEqual([]);
  });
});

describe('OWASP coverage (security packs)', () => {
  const row = (id: string, name: string, status: string) => `| ${id}:2021 | ${name} | ${status} |`;
  const ALL = [
    ['A01', 'Broken Access Control'],
    ['A02', 'Cryptographic Failures'],
    ['A03', 'Injection'],
    ['A04', 'Insecure Design'],
    ['A05', 'Security Misconfiguration'],
    ['A06', 'Vulnerable and Outdated Components'],
    ['A07', 'Identification and Authentication Failures'],
    ['A08', 'Software and Data Integrity Failures'],
    ['A09', 'Security Logging and Monitoring Failures'],
    ['A10', 'Server-Side Request Forgery'],
  ] as const;
  const table = (rows: string[]) =>
    ['## OWASP Top 10', '', '| Id | Category | Status |', '| --- | --- | --- |', ...rows].join('\n');

  it('accepts all ten addressed, or not applicable with a reason', () => {
    const rows = ALL.map(([id, name]) =>
      row(
        id,
        name,
        id === 'A10' ? 'Not applicable: no outbound request is built from user input' : 'Addressed: tested in CI',
      ),
    );
    expect(hits(table(rows), 'pack.owasp', 'security')).toEqual([]);
  });

  it('finds a missing category, a bare N/A, a 2017 name and an id outside the list', () => {
    const rows = ALL.slice(0, 8).map(([id, name]) => row(id, name, 'Addressed'));
    rows[2] = row('A03', 'Sensitive Data Exposure and Broken Access Control', 'Addressed'); // line 11
    rows.push(
      row('A09', 'Security Logging and Monitoring Failures', 'N/A'),
      '| A11:2021 | Prompt injection | Addressed |',
    );
    expect(hits(table(rows), 'pack.owasp', 'security')).toEqual([
      '5 pack.owasp.missing_category',
      '11 pack.owasp.wrong_name',
      '17 pack.owasp.na_without_reason',
      '18 pack.owasp.unknown_id',
    ]);
  });
});

describe('consistency with the product record', () => {
  const record = PAYFLOW_RECORD;

  it('accepts a pack that agrees with the record', () => {
    const body = [
      'PayFlow (FINTX-PAYFLOW) version 2.4.0 runs at https://payflow.fintx.io.',
      'Owner: ada.obi@fintx.io, dashboards on https://grafana.fintx.io.',
    ].join('\n');
    expect(hits(body, 'pack.consistency', 'doc', record)).toEqual([]);
  });

  it('finds a misspelt name and code, another version, an unknown host, owner and environment', () => {
    const body = [
      'Payflow (FINTX-PAYFLOWS) handles payouts.', // 5
      'Version: 2.3.1', // 6
      'Staging runs at https://payflow-stg.fintx.io.', // 7
      'Owner: bola.ade@fintx.io', // 8
      '',
      '## Environments', // 10
      '',
      '- UAT: used for the sign-off', // 12
    ].join('\n');
    expect(hits(body, 'pack.consistency', 'doc', record)).toEqual([
      '5 pack.consistency.product_name',
      '5 pack.consistency.product_code',
      '6 pack.consistency.version',
      '7 pack.consistency.url',
      '8 pack.consistency.owner',
      '12 pack.consistency.environment',
    ]);
  });

  it('says when the pack never names the product', () => {
    expect(hits('Nothing names it here.', 'pack.consistency', 'doc', { name: 'PayFlow' })).toEqual([
      '1 pack.consistency.product_not_named',
    ]);
  });
});
