import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../markdown/front-matter.ts';
import { defaultTitle, documentCode, isDocumentKind } from './kinds.ts';
import { escapeHtml, markersToHtml } from './snippet.ts';
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
