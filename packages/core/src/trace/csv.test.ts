// The CSV writer, checked by reading its output back with an RFC 4180 reader written here from the grammar.
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv.ts';

/** RFC 4180 records: quoted fields may hold commas, CRLF and doubled quotes. Throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
          field += text[i++];
        }
      }
      row.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.slice(i, i + 2) !== '\r\n') throw new Error(`record not ended by CRLF at ${i}`);
      i += 2;
      break;
    }
    rows.push(row);
  }
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('A merchant sees the payout date')).toBe('A merchant sees the payout date');
    expect(csvCell('')).toBe('');
  });

  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('replaces lone surrogates with U+FFFD, keeps pairs and NUL', () => {
    expect(csvCell('cut \uD83D')).toBe('cut \uFFFD');
    expect(csvCell('\uDE00 tail')).toBe('\uFFFD tail');
    expect(csvCell('ok \uD83D\uDE00')).toBe('ok \uD83D\uDE00');
    expect(csvCell('a\u0000b')).toBe('a\u0000b');
  });
});

describe('csvText', () => {
  it('writes records that an RFC 4180 reader reads back, minus the guards', () => {
    const rows = [
      ['id', 'text'],
      ['FR-1', 'Plain'],
      ['FR-2', 'Comma, "quote"\r\nand lines\n'],
      ['FR-3', '=1+1'],
      ['', ''],
    ];
    const text = csvText(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('id,text');
    expect(parseCsv(text)).toEqual([...rows.slice(0, 3), ['FR-3', "'=1+1"], ['', '']]);
  });

  it('writes nothing for no rows', () => {
    expect(csvText([])).toBe('');
  });
});
