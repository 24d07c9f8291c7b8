import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, guardFormula, MAX_CELL_CHARS, parseCsv, writeCsv } from './csv.ts';

// Text that stresses CSV: separators, quotes, every line break, spaces, non-ASCII and astral characters.
const tricky = fc.string({
  unit: fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', 'a', 'Z', 'é', '😀', '=', "'", '\t'),
});
const cell = fc.oneof(tricky, fc.string({ unit: 'grapheme' }));
// Any UTF-16 code units, lone surrogates and NUL included (fast-check's 'binary' unit is slow to generate).
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 })
  .map((codes) => String.fromCharCode(...codes));
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('RFC 4180 writer and reader', () => {
  it('reads back exactly what it wrote (fuzzed)', () => {
    fc.assert(
      fc.property(table, (records) => {
        const parsed = parseCsv(writeCsv(records, { guardFormulas: false }));
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((r) => r.cells)).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, including lone surrogates and NUL (fuzzed)', () => {
    fc.assert(
      fc.property(codeUnits, tricky, (noise, csvish) => {
        for (const text of [noise, csvish, `${csvish}${noise}`]) {
          const parsed = parseCsv(text);
          expect(Array.isArray(parsed.records)).toBe(true);
          for (const p of parsed.problems) expect(p.message).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('quotes only the cells that need it and ends every record with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '']])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
    expect(writeCsv([['']])).toBe('""\r\n');
    expect(parseCsv('""\r\n').records).toEqual([{ line: 1, cells: [''] }]);
  });

  it('reads a BOM, LF or CRLF, quoted line breaks and skips blank lines, numbering the lines records start on', () => {
    const text = '\uFEFFkey,text\r\nA,"one\r\ntwo"\r\n\r\nB,"x\ny\nz"\nC,\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, cells: ['key', 'text'] },
        { line: 2, cells: ['A', 'one\r\ntwo'] },
        { line: 5, cells: ['B', 'x\ny\nz'] },
        { line: 8, cells: ['C', ''] },
      ],
      problems: [],
    });
  });

  it('reports broken quoting with its line instead of guessing', () => {
    expect(parseCsv('a,b\nx,y"z\n').problems).toEqual([
      { line: 2, column: 1, message: expect.stringContaining('quote inside an unquoted cell') },
    ]);
    expect(parseCsv('a,b\n"x"y,z\n').problems).toEqual([
      { line: 2, column: 0, message: 'text after the closing quote of a quoted cell' },
    ]);
    const open = parseCsv('a,b\nc,d\n"never closed,e\nf,g\n');
    expect(open.problems).toEqual([{ line: 3, column: 0, message: expect.stringContaining('never closed') }]);
    expect(open.records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('refuses NUL, lone surrogates and over-long cells as problems, without throwing', () => {
    expect(parseCsv('a,b\nx\u0000,y\n').problems[0]).toMatchObject({
      line: 2,
      column: 0,
      message: expect.stringMatching(/NUL/),
    });
    expect(parseCsv('a,b\nx,\uD800y\n').problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(parseCsv('a,b\nx,y\uDC00\n').problems).toHaveLength(1);
    expect(parseCsv('a,b\nx,😀\n').problems).toEqual([]);
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const parsed = parseCsv(`a,b\n1,"${huge}"\n`);
    expect(parsed.problems).toEqual([
      { line: 2, column: 1, message: `cell of ${huge.length} characters; at most ${MAX_CELL_CHARS} are accepted` },
    ]);
    expect(parsed.records[1]?.cells).toEqual(['1', '']);
  });
});

describe('formula guard', () => {
  it('prefixes cells a spreadsheet would evaluate', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(writeCsv([['=HYPERLINK("http://x","y")', 'ok']])).toBe(`"'=HYPERLINK(""http://x"",""y"")",ok\r\n`);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['As a user', '1 - Critical', 'a=b', '', "'quoted"]) expect(guardFormula(text)).toBe(text);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops its byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('Größe 😀'))).toEqual({ ok: true, text: 'Größe 😀' });
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('reports Windows-1252 and UTF-16 files as an encoding problem', () => {
    for (const bytes of [new Uint8Array([0x47, 0x72, 0xf6, 0xdf, 0x65]), new Uint8Array([0xff, 0xfe, 0x61, 0x00])]) {
      const decoded = decodeUtf8(bytes);
      expect(decoded).toMatchObject({ ok: false, problem: { field: 'encoding' } });
    }
  });
});
