import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../markdown/front-matter.ts';
import { defaultTitle, documentCode, isDocumentKind } from './kinds.ts';
import { escapeHtml, markdownToPlainText, markersToHtml } from './snippet.ts';
import { renderTemplate } from './template-render.ts';

describe('snippets', () => {
  it('escapes everything and turns markers into <mark>', () => {
    const html = markersToHtml('a <script>alert("x")</script>  S1payoutsE1 & more\n', 'S1', 'E1');
    expect(html).toBe('a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>payouts</mark> &amp; more');
  });

  it('does not let a document smuggle in <mark> or other tags', () => {
    expect(markersToHtml('<mark>fake</mark>', 'S1', 'E1')).toBe('&lt;mark&gt;fake&lt;/mark&gt;');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('shows a table as plain text: cells apart, no pipes and no delimiter row', () => {
    const window = '| Field | Value |\n|---|:---:|\n| Product | S1FINTXE1-PAYOUTS |\n| Owner | Leila |\n';
    expect(markersToHtml(window, 'S1', 'E1')).toBe('Field · Value Product · <mark>FINTX</mark>-PAYOUTS Owner · Leila');
    // A window cut in the middle of a row or of the delimiter row.
    expect(markdownToPlainText('ield | Value |\n| --- | ---')).toBe('ield · Value\n ');
    expect(markersToHtml('alue |\n|---|---|\n| S1refundE1 | tracked |', 'S1', 'E1')).toBe(
      'alue <mark>refund</mark> · tracked',
    );
  });

  it('drops heading, list, task and quote markers, emphasis, code ticks and link targets', () => {
    const source = [
      '## Goals',
      '- [x] **Cut** payout time to *1 day*',
      '1. See [the runbook](https://wiki.test/run) and `payouts.sync`',
      '> Quoted',
      '---',
      'Plain | prose with a pipe',
    ].join('\n');
    expect(markersToHtml(source, 'S1', 'E1')).toBe(
      'Goals Cut payout time to 1 day See the runbook and payouts.sync Quoted Plain · prose with a pipe',
    );
    expect(markdownToPlainText('snake_case and 2*3*4 and 2026-01-05')).toBe('snake_case and 2*3*4 and 2026-01-05');
  });
});

describe('kinds and codes', () => {
  it('builds document codes and default titles', () => {
    expect(documentCode('FINTX-PAYOUTS', 'prd')).toBe('FINTX-PAYOUTS-PRD');
    expect(documentCode('EMX-CRM', 'context')).toBe('EMX-CRM-CONTEXT');
    expect(defaultTitle('Payouts', 'prd')).toBe('Payouts PRD');
    expect(isDocumentKind('prd')).toBe(true);
    expect(isDocumentKind('invoice')).toBe(false);
  });
});

describe('renderTemplate', () => {
  it('fills known variables and leaves unknown ones for the gate to flag', () => {
    expect(renderTemplate('# {{product.name}} — {{ unknown.var }}', { 'product.name': 'Payouts' })).toBe(
      '# Payouts — {{ unknown.var }}',
    );
  });

  it('quotes values inside front matter so the YAML stays valid', () => {
    const out = renderTemplate('---\ntitle: {{document.title}}\nowner: {{author.name}}\n---\n# {{document.title}}\n', {
      'document.title': 'Payouts: "v2" # fast',
      'author.name': 'Ana',
    });
    const fm = parseFrontMatter(out);
    expect(fm).toMatchObject({ ok: true, metadata: { title: 'Payouts: "v2" # fast', owner: 'Ana' } });
    expect(out.endsWith('# Payouts: "v2" # fast\n')).toBe(true);
  });
});
