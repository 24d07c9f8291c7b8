// Jira exchange, the way back (issue #12): a Jira CSV export read tolerantly of Jira's column naming, and the plan of
// status updates it implies — the dry run shows that plan, the server applies it in one transaction or not at all.
import { type CsvProblem, parseCsv } from './csv.ts';
import type { ExchangeItem, ExchangeProblem, StoryStatus } from './types.ts';

/** The column carrying our key. Jira's wizard maps it to a custom field; its export then calls the column
 * `Custom field (PI Studio key)`, which parseJiraCsv reads as the same column. */
export const JIRA_KEY_COLUMN = 'PI Studio key';
/** The same key as a label, for sites where nobody created the custom field: labels always survive a round trip. */
export const JIRA_KEY_LABEL_PREFIX = 'pi-studio-key:';
export const JIRA_STUDIO_LABEL = 'pi-studio';

// ---------------------------------------------------------------------------------------------------------------
// Reading a Jira export

export type JiraRow = {
  /** The line the row starts on. */
  line: number;
  /** Jira's key (`PAY-123`). */
  issueKey: string;
  summary: string;
  status: string;
  /** `Status Category` (To Do / In Progress / Done) when the export has it. */
  statusCategory: string | null;
  issueType: string | null;
  /** Our key, from the key column or the key label; null for issues that did not come from PI Studio. */
  externalKey: string | null;
  labels: string[];
};

export type JiraParse = { rows: JiraRow[]; problems: ExchangeProblem[] };

export type JiraParseOptions = {
  /** The name our key's custom field has on this site, when not `PI Studio key`. */
  keyColumn?: string;
};

type Role = 'issueKey' | 'summary' | 'status' | 'statusCategory' | 'issueType' | 'externalKey';

/** Header text as compared: case, spacing and Jira's `Custom field (…)` wrapper do not matter. */
function normaliseHeader(header: string): string {
  const plain = header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return /^custom field \((.*)\)$/.exec(plain)?.[1]?.trim() ?? plain;
}

const ROLE_NAMES: Record<Exclude<Role, 'externalKey'>, string[]> = {
  issueKey: ['issue key', 'key'],
  summary: ['summary'],
  status: ['status'],
  statusCategory: ['status category'],
  issueType: ['issue type', 'issuetype'],
};

const DISPLAY: Record<Role, string> = {
  issueKey: 'Issue key',
  summary: 'Summary',
  status: 'Status',
  statusCategory: 'Status Category',
  issueType: 'Issue Type',
  externalKey: JIRA_KEY_COLUMN,
};

/**
 * Reads a Jira CSV export ("Export Excel CSV", all or current fields). Columns are found by name, never position:
 * `Issue key`, `Summary`, `Status` are required, `Status Category` and `Issue Type` used when present, our key from
 * `PI Studio key` / `Custom field (PI Studio key)` or else a `pi-studio-key:` label (every `Labels` column is read).
 * Tolerates a byte-order mark, CRLF and quoted line breaks. Problems (with the line and column) for broken quoting,
 * ragged rows, a missing or repeated required column, an empty or repeated Issue key, one of our keys on two
 * issues, hostile text. Takes a string: the server decodes the upload with decodeUtf8 (`new TextDecoder('utf-8',
 * { fatal: true })`) and reports a failure as an `encoding` problem before calling this.
 */
export function parseJiraCsv(text: string, options: JiraParseOptions = {}): JiraParse {
  const csv = parseCsv(text);
  const header = csv.records[0];
  const headerProblems = (problems: readonly CsvProblem[], cells: readonly string[]) =>
    problems.map((p) => ({
      line: p.line,
      field: cells[p.column]?.trim() || `column ${p.column + 1}`,
      message: p.message,
    }));
  if (!header) {
    const problems = headerProblems(csv.problems, []);
    return {
      rows: [],
      problems: problems.length ? problems : [{ line: 1, field: 'file', message: 'the file is empty' }],
    };
  }
  const names = header.cells.map(normaliseHeader);
  const problems: ExchangeProblem[] = [];

  const display: Record<Role, string> = { ...DISPLAY, externalKey: options.keyColumn ?? JIRA_KEY_COLUMN };
  const keyColumn = normaliseHeader(display.externalKey);
  const columnsOf = (accepted: readonly string[]) =>
    names.flatMap((name, index) => (accepted.includes(name) ? [index] : []));
  const found = {
    ...(Object.fromEntries(Object.entries(ROLE_NAMES).map(([role, accepted]) => [role, columnsOf(accepted)])) as Record<
      Exclude<Role, 'externalKey'>,
      number[]
    >),
    externalKey: columnsOf([keyColumn, 'external id', 'external key']),
  };
  const labelColumns = columnsOf(['labels']);
  const column: Partial<Record<Role, number>> = {};
  for (const role of Object.keys(found) as Role[]) {
    const at = found[role];
    if (at.length > 1) {
      problems.push({ line: header.line, field: display[role], message: `the column appears ${at.length} times` });
    }
    if (at[0] !== undefined) column[role] = at[0];
  }
  for (const role of ['issueKey', 'summary', 'status'] as const) {
    if (column[role] === undefined) {
      problems.push({
        line: header.line,
        field: display[role],
        message: `no "${display[role]}" column: export from Jira's issue search with all fields`,
      });
    }
  }
  if (column.externalKey === undefined && labelColumns.length === 0) {
    problems.push({
      line: header.line,
      field: display.externalKey,
      message: `neither a "${display.externalKey}" column nor Labels: include the field PI Studio's export created`,
    });
  }
  // Without the right columns no row can be read; cell-level problems are reported beside the rows they concern.
  if (problems.length > 0) return { rows: [], problems: [...headerProblems(csv.problems, header.cells), ...problems] };
  problems.push(...headerProblems(csv.problems, header.cells));

  const rows: JiraRow[] = [];
  const lineOfIssue = new Map<string, number>();
  const lineOfExternal = new Map<string, number>();
  const width = header.cells.length;
  const at = (cells: readonly string[], role: Role) => {
    const index = column[role];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  for (const record of csv.records.slice(1)) {
    const { line, cells } = record;
    if (cells.length !== width) {
      problems.push({ line, field: 'row', message: `${cells.length} cells where the header has ${width}` });
      continue;
    }
    const issueKey = at(cells, 'issueKey');
    if (!issueKey) {
      problems.push({ line, field: display.issueKey, message: 'empty issue key' });
      continue;
    }
    const seen = lineOfIssue.get(issueKey);
    if (seen !== undefined) {
      problems.push({ line, field: display.issueKey, message: `${issueKey} already appears on line ${seen}` });
      continue;
    }
    lineOfIssue.set(issueKey, line);
    const labels = labelColumns.map((index) => (cells[index] ?? '').trim()).filter((label) => label !== '');
    const fromLabel = labels.find((label) => label.startsWith(JIRA_KEY_LABEL_PREFIX));
    const externalKey = at(cells, 'externalKey') || fromLabel?.slice(JIRA_KEY_LABEL_PREFIX.length).trim() || null;
    if (externalKey) {
      const other = lineOfExternal.get(externalKey);
      if (other !== undefined) {
        problems.push({
          line,
          field: display.externalKey,
          message: `${externalKey} is also on line ${other}: one PI Studio item, two Jira issues`,
        });
        continue;
      }
      lineOfExternal.set(externalKey, line);
    }
    const status = at(cells, 'status');
    if (!status) problems.push({ line, field: display.status, message: 'empty status' });
    rows.push({
      line,
      issueKey,
      summary: at(cells, 'summary'),
      status,
      statusCategory: at(cells, 'statusCategory') || null,
      issueType: at(cells, 'issueType') || null,
      externalKey,
      labels,
    });
  }
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Planning the status update

/**
 * Jira status names (any case and spacing) → ours. Workflows name statuses freely; these are Jira's defaults and
 * the common variants. A site adds its own with `statusMap`; a name in neither falls back to the Status Category.
 */
export const DEFAULT_JIRA_STATUS_MAP: Readonly<Record<string, StoryStatus>> = {
  backlog: 'backlog',
  'to do': 'backlog',
  todo: 'backlog',
  open: 'backlog',
  new: 'backlog',
  reopened: 'backlog',
  'selected for development': 'ready',
  ready: 'ready',
  'ready for development': 'ready',
  'ready for dev': 'ready',
  'in progress': 'in_progress',
  'in development': 'in_progress',
  'in dev': 'in_progress',
  'in review': 'in_progress',
  'code review': 'in_progress',
  'in qa': 'in_progress',
  'in test': 'in_progress',
  testing: 'in_progress',
  blocked: 'in_progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  complete: 'done',
  completed: 'done',
  released: 'done',
};

/** Jira's three status categories, used when the status name itself is not mapped. */
const CATEGORY_MAP: Readonly<Record<string, StoryStatus>> = {
  'to do': 'backlog',
  'in progress': 'in_progress',
  done: 'done',
};

export type JiraStatusUpdate = { key: string; issueKey: string; line: number; from: StoryStatus; to: StoryStatus };

export type JiraImportPlan = {
  /** Items whose status changes. */
  updates: JiraStatusUpdate[];
  /** Our keys whose status is already the one in Jira. */
  unchanged: string[];
  /** Our keys in the file that are not among our items (each also a problem). */
  unknown: string[];
  /** Jira issues in the file without any of our keys: not ours, left alone. */
  unlinked: string[];
  problems: ExchangeProblem[];
  /** True when there are no problems: the import applies the whole plan or nothing. */
  applicable: boolean;
};

export type JiraPlanOptions = {
  /** Extra or overriding Jira status names → ours (matched case-insensitively). */
  statusMap?: Readonly<Record<string, StoryStatus>>;
};

const statusName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The status changes a Jira export asks for: the dry run shows exactly this, the import applies it when
 * `applicable`. Given a parse result, its problems count too (so a broken file is never applicable).
 */
export function planJiraImport(
  input: JiraParse | readonly JiraRow[],
  ourItems: readonly Pick<ExchangeItem, 'key' | 'status'>[],
  options: JiraPlanOptions = {},
): JiraImportPlan {
  const rows = 'rows' in input ? input.rows : input;
  const problems: ExchangeProblem[] = 'rows' in input ? [...input.problems] : [];
  const statusMap = new Map(Object.entries(DEFAULT_JIRA_STATUS_MAP));
  for (const [name, status] of Object.entries(options.statusMap ?? {})) statusMap.set(statusName(name), status);
  const ours = new Map(ourItems.map((item) => [item.key, item.status]));

  const plan: Omit<JiraImportPlan, 'problems' | 'applicable'> = {
    updates: [],
    unchanged: [],
    unknown: [],
    unlinked: [],
  };
  for (const row of rows) {
    if (!row.externalKey) {
      plan.unlinked.push(row.issueKey);
      continue;
    }
    const from = ours.get(row.externalKey);
    if (from === undefined) {
      plan.unknown.push(row.externalKey);
      problems.push({
        line: row.line,
        field: DISPLAY.externalKey,
        message: `${row.externalKey} (Jira ${row.issueKey}) is not an item of this product`,
      });
      continue;
    }
    const to =
      statusMap.get(statusName(row.status)) ??
      (row.statusCategory ? CATEGORY_MAP[statusName(row.statusCategory)] : undefined);
    if (!to) {
      problems.push({
        line: row.line,
        field: DISPLAY.status,
        message: `unknown Jira status "${row.status}": map it to backlog, ready, in progress or done`,
      });
      continue;
    }
    if (to === from) plan.unchanged.push(row.externalKey);
    else plan.updates.push({ key: row.externalKey, issueKey: row.issueKey, line: row.line, from, to });
  }
  return { ...plan, problems, applicable: problems.length === 0 };
}
