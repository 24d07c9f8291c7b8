// RFC 4180 CSV, written and read here rather than with a library: the exchange needs a strict reader (broken quoting,
// ragged rows and hostile text are problems with a line number, never a guess) and a writer with the spreadsheet
// formula guard; both fit in this file, work in every runtime core runs in, and keep core's dependencies as they are.
// Fuzz-tested against each other in csv.test.ts. Pure: the caller decodes bytes (decodeUtf8 below) and reads files.

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Jira's longest text field holds 32,767 characters; a cell ten times longer than anything a tracker exports is
 * refused rather than carried through the import (a 5 MB cell is an attack or a broken file, not a story). */
export const MAX_CELL_CHARS = 327_670;

export type CsvRecord = {
  /** The 1-based line the record starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
};

/** `column` is the 0-based cell index in its record; the format readers turn it into a column name. */
export type CsvProblem = { line: number; column: number; message: string };

export type CsvParse = { records: CsvRecord[]; problems: CsvProblem[] };

// NUL, or a UTF-16 surrogate without its partner: text no database column or tracker stores faithfully.
const HOSTILE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Reads CSV text (comma-separated, `"`-quoted, `""` for a quote inside quotes, CRLF or LF between records, an
 * optional UTF-8 byte-order mark). Blank lines are skipped. Problems, never exceptions: a quote inside an unquoted
 * cell, text after a closing quote, a quoted cell still open at the end (reading stops there: everything after it
 * would be misread), a cell over `maxCellChars`, NUL or a lone surrogate in a cell. Row widths are the caller's rule.
 */
export function parseCsv(text: string, options: { maxCellChars?: number } = {}): CsvParse {
  const maxCell = options.maxCellChars ?? MAX_CELL_CHARS;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const startLine = line;
    const quotedStart = text.charCodeAt(i) === QUOTE;
    const cells: string[] = [];
    for (;;) {
      const column = cells.length;
      const cellLine = line;
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let j = i + 1;
        cell = '';
        for (;;) {
          const close = text.indexOf('"', j);
          if (close === -1) {
            problems.push({
              line: openLine,
              column,
              message: `a quoted cell opened on line ${openLine} is never closed: check the quotes in that row`,
            });
            return { records, problems };
          }
          const chunk = text.slice(j, close);
          line += countLineBreaks(chunk);
          cell += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += '"';
            j = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        if (i < n && !isDelimiter(text.charCodeAt(i))) {
          problems.push({ line, column, message: 'text after the closing quote of a quoted cell' });
          const end = nextDelimiter(text, i);
          cell += text.slice(i, end);
          i = end;
        }
      } else {
        const end = nextDelimiter(text, i);
        cell = text.slice(i, end);
        if (cell.includes('"')) {
          problems.push({
            line,
            column,
            message: 'a quote inside an unquoted cell: quote the whole cell and double the quote',
          });
        }
        i = end;
      }
      if (cell.length > maxCell) {
        problems.push({
          line: cellLine,
          column,
          message: `cell of ${cell.length} characters; at most ${maxCell} are accepted`,
        });
        cell = '';
      } else if (HOSTILE.test(cell)) {
        problems.push({
          line: cellLine,
          column,
          message: 'cell contains a NUL character or a broken UTF-16 surrogate: not valid text',
        });
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) {
        i++;
        if (text.charCodeAt(i) === LF) i++;
        line++;
      } else if (c === LF) {
        i++;
        line++;
      }
      break;
    }
    const blankLine = cells.length === 1 && cells[0] === '' && !quotedStart;
    if (!blankLine) records.push({ line: startLine, cells });
  }
  return { records, problems };
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CR || c === LF;
}

function nextDelimiter(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
  return i;
}

/** CRLF, LF and a lone CR each count once. */
function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let i = chunk.indexOf('\r'); i !== -1; i = chunk.indexOf('\r', i + 1)) {
    if (chunk.charCodeAt(i + 1) !== LF) count++;
  }
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) count++;
  return count;
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, or TAB / CR that some programs skip
// before looking for one. A leading apostrophe makes it text in Excel, LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** `'=SUM(A1)` for `=SUM(A1)`; any other text unchanged. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Writes records as RFC 4180 CSV: CRLF after every record, a cell quoted when it holds a comma, a quote or a line
 * break. `guardFormulas` (on unless turned off) prefixes cells a spreadsheet would evaluate — see guardFormula.
 */
export function writeCsv(records: readonly (readonly string[])[], options: { guardFormulas?: boolean } = {}): string {
  const guard = options.guardFormulas ?? true;
  let out = '';
  for (const record of records) {
    // A record of one empty cell would be a blank line, which readers skip: quote it so it survives.
    if (record.length === 1 && record[0] === '') {
      out += '""\r\n';
      continue;
    }
    out += `${record.map((cell) => quoteCell(guard ? guardFormula(cell) : cell)).join(',')}\r\n`;
  }
  return out;
}

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; problem: { line: number; field: 'encoding'; message: string } };

/**
 * Decodes an uploaded file as UTF-8, refusing anything else (`new TextDecoder('utf-8', { fatal: true })`): a
 * Windows-1252 or UTF-16 export would otherwise turn into U+FFFD characters and import as silently wrong text.
 * A UTF-8 byte-order mark is dropped. The server calls this and reports a failure as the `encoding` problem.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: {
        line: 0,
        field: 'encoding',
        message: 'the file is not UTF-8: export it again choosing UTF-8 (Jira and Excel both offer it)',
      },
    };
  }
}
