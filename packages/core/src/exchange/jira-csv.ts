// Jira exchange (issue #12): stories and bugs out as a CSV for Jira's CSV importer, and a Jira CSV export back in to
// update statuses, matched on our key. Pure: the server decodes the upload (decodeUtf8 in csv.ts), applies a plan in
// one transaction, and shows the same plan as the dry run. Column names follow shared/research/exchange-formats.md §a.
import { writeCsv } from './csv.ts';
import { JIRA_KEY_COLUMN, JIRA_KEY_LABEL_PREFIX, JIRA_STUDIO_LABEL } from './jira-import.ts';
import type { ExchangeItem } from './types.ts';

/**
 * Our priorities onto Jira's default scheme (Highest, High, Medium, Low, Lowest). MoSCoW and P0–P3 are four-step
 * scales and take the top four names in order, except Won't, which is "not now" and goes to Lowest; High/Medium/Low
 * keep their names. No priority leaves the cell empty, so Jira applies the project's default.
 */
export const JIRA_PRIORITY: Record<NonNullable<ExchangeItem['priority']>, string> = {
  Must: 'Highest',
  Should: 'High',
  Could: 'Medium',
  "Won't": 'Lowest',
  P0: 'Highest',
  P1: 'High',
  P2: 'Medium',
  P3: 'Low',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
};

export type JiraExportOptions = {
  /** Our parent key → the Jira issue key it already has (e.g. an epic created earlier). A parent that is itself in
   * the file is linked through the file's `Issue ID` instead; a parent in neither leaves `Parent` empty. */
  parentIssueKeys?: Readonly<Record<string, string>>;
};

/**
 * The CSV for Jira's importer: Issue ID (row number, only to link rows in the file), Summary, Issue Type,
 * Description (wiki markup), Priority, Labels (one per column, header repeated, as Jira reads multi-values),
 * Parent, PI Studio key. Parents come before their children, which the importer needs. Jira Cloud links stories to
 * epics through Parent; the deprecated Epic Link is not written.
 */
export function storiesToJiraCsv(items: readonly ExchangeItem[], options: JiraExportOptions = {}): string {
  const ordered = parentsFirst(items);
  const issueIds = new Map(ordered.map((item, index) => [item.key, String(index + 1)]));
  const labelsOf = ordered.map(jiraLabels);
  const labelColumns = Math.max(0, ...labelsOf.map((labels) => labels.length));
  const header = [
    'Issue ID',
    'Summary',
    'Issue Type',
    'Description',
    'Priority',
    ...Array.from({ length: labelColumns }, () => 'Labels'),
    'Parent',
    JIRA_KEY_COLUMN,
  ];
  const records = ordered.map((item, index) => {
    const labels = labelsOf[index] ?? [];
    const parent = item.parentKey
      ? (issueIds.get(item.parentKey) ?? options.parentIssueKeys?.[item.parentKey] ?? '')
      : '';
    return [
      String(index + 1),
      item.title,
      item.type === 'bug' ? 'Bug' : 'Story',
      jiraDescription(item),
      item.priority ? JIRA_PRIORITY[item.priority] : '',
      ...Array.from({ length: labelColumns }, (_, i) => labels[i] ?? ''),
      parent,
      item.key,
    ];
  });
  return writeCsv([header, ...records]);
}

/** Jira labels hold no spaces; any run of whitespace becomes one hyphen. */
function jiraLabel(text: string): string {
  return text.trim().replace(/\s+/g, '-');
}

function jiraLabels(item: ExchangeItem): string[] {
  const labels = [JIRA_STUDIO_LABEL, jiraLabel(item.product), jiraLabel(`${JIRA_KEY_LABEL_PREFIX}${item.key}`)];
  return labels.filter((label) => label !== '' && label !== JIRA_KEY_LABEL_PREFIX);
}

/**
 * Narrative, then `h3. Acceptance criteria` with the Gherkin in a `{noformat}` block (Jira's `{code}` macro has no
 * Gherkin language — Atlassian's own converter falls back to `{noformat}` for it), then the linked requirements.
 * `{` and `[` in free text are escaped so a story cannot open a macro or a link by accident.
 */
export function jiraDescription(item: ExchangeItem): string {
  const parts: string[] = [];
  if (item.narrative.trim()) parts.push(escapeWiki(item.narrative.trim()));
  if (item.acceptance.trim()) {
    // A literal {noformat} inside would close the block early.
    const gherkin = item.acceptance.trim().replaceAll('{noformat}', '\\{noformat\\}');
    parts.push(`h3. Acceptance criteria\n{noformat}\n${gherkin}\n{noformat}`);
  }
  if (item.requirementIds.length > 0) {
    parts.push(`h3. Requirements\n${item.requirementIds.map((id) => `* ${escapeWiki(id)}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

function escapeWiki(text: string): string {
  return text.replace(/[{[]/g, (c) => `\\${c}`);
}

/** Items in the given order, except that a parent in the list comes before its children (cycles are cut). */
function parentsFirst(items: readonly ExchangeItem[]): ExchangeItem[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const out: ExchangeItem[] = [];
  const place = (item: ExchangeItem) => {
    if (placed.has(item.key) || visiting.has(item.key)) return;
    visiting.add(item.key);
    const parent = item.parentKey ? byKey.get(item.parentKey) : undefined;
    if (parent) place(parent);
    visiting.delete(item.key);
    placed.add(item.key);
    out.push(item);
  };
  for (const item of items) place(item);
  return out;
}

// Reading an export back and planning the updates: jira-import.ts (re-exported, one import path for callers).
export * from './jira-import.ts';
