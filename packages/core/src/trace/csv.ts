// A tiny RFC 4180 writer for exports people open in spreadsheets. Core may not add a CSV library, and writing is the
// easy half: quote a field that holds a comma, a quote or a line break, double its quotes, end records with CRLF.
// Two guards on top, because the file leaves our hands:
// - formula injection: a cell starting with = + - @ TAB or CR is run as a formula by Excel, LibreOffice and Sheets
//   (a requirement text "=HYPERLINK(...)" would become a link), so it gets a leading apostrophe (OWASP's advice);
// - lone surrogates (half of an emoji cut by an earlier truncation) cannot be encoded as UTF-8; they become U+FFFD
//   here, visibly, instead of whatever the encoder downstream would do. NUL and other controls are kept as they are:
//   they are valid UTF-8 and dropping them would change the data silently.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One field, ready to place between commas. */
export function csvCell(value: string): string {
  let text = value.replace(LONE_SURROGATE, '\uFFFD');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text: CRLF after every record, the last one included. */
export function csvText(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvCell).join(',')}\r\n`;
  return out;
}
