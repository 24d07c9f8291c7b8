import { describe, expect, it } from 'vitest';
import { frontMatterTitle, parseFrontMatter, splitFrontMatter } from './front-matter.ts';

describe('front matter', () => {
  it('turns a YAML mapping into metadata and returns the rest as content', () => {
    const r = parseFrontMatter(
      '---\ntitle: Payouts PRD\nowner: Ana\ndate: 2026-03-01\ntags: [a, b]\n---\n# Heading\nText\n',
    );
    expect(r).toEqual({
      ok: true,
      hasFrontMatter: true,
      metadata: { title: 'Payouts PRD', owner: 'Ana', date: '2026-03-01', tags: ['a', 'b'] },
      content: '# Heading\nText\n',
    });
  });

  it('leaves text without front matter alone', () => {
    const r = parseFrontMatter('# Just a heading\n---\nnot: front matter\n');
    expect(r).toMatchObject({
      ok: true,
      hasFrontMatter: false,
      metadata: {},
      content: '# Just a heading\n---\nnot: front matter\n',
    });
  });

  it('treats an unclosed block as ordinary text', () => {
    expect(parseFrontMatter('---\ntitle: x\nno closing line')).toMatchObject({ ok: true, hasFrontMatter: false });
  });

  it('accepts empty front matter', () => {
    expect(parseFrontMatter('---\n---\nbody')).toEqual({
      ok: true,
      hasFrontMatter: true,
      metadata: {},
      content: 'body',
    });
  });

  it('reports invalid YAML and non-mapping front matter', () => {
    const bad = parseFrontMatter('---\ntitle: [unclosed\n---\nbody');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/not valid YAML/);
    const list = parseFrontMatter('---\n- a\n- b\n---\nbody');
    expect(list).toEqual({ ok: false, error: 'front matter must be a YAML mapping of keys to values' });
  });

  it('reads the title only when it is a non-empty string', () => {
    expect(frontMatterTitle({ title: '  Payouts  ' })).toBe('Payouts');
    expect(frontMatterTitle({ title: 42 })).toBeNull();
    expect(frontMatterTitle({})).toBeNull();
  });

  it('gives the gate the same verdict on the block, with its lines blanked so line numbers hold', () => {
    const text = '---\n- a\n---\n# Title\n';
    const split = splitFrontMatter(text.split('\n'), text);
    expect(split.frontMatter).toEqual({
      line: 1,
      endLine: 3,
      data: null,
      error: 'front matter must be a YAML mapping of keys to values',
    });
    expect(split.body).toBe('\n\n\n# Title\n');
  });
});
