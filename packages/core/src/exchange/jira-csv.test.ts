import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv.ts';
import {
  JIRA_KEY_COLUMN,
  JIRA_PRIORITY,
  type JiraRow,
  jiraDescription,
  parseJiraCsv,
  planJiraImport,
  storiesToJiraCsv,
} from './jira-csv.ts';
import { exchangeItem } from './test-items.ts';
import type { ExchangeItem } from './types.ts';

/** The export as records keyed by column name; the repeated Labels columns joined by spaces (labels hold none). */
function readExport(csv: string): Record<string, string>[] {
  const { records, problems } = parseCsv(csv);
  expect(problems).toEqual([]);
  const [header, ...rows] = records;
  const names = header?.cells ?? [];
  return rows.map(({ cells }) => {
    const row: Record<string, string> = {};
    const labels: string[] = [];
    cells.forEach((cell, i) => {
      if (names[i] === 'Labels') {
        if (cell) labels.push(cell);
      } else row[names[i] ?? `#${i}`] = cell;
    });
    return { ...row, Labels: labels.join(' ') };
  });
}

/** What Jira's "Export Excel CSV" would give for our import: its own key and a status per row. */
function asJiraExport(items: readonly ExchangeItem[], statuses: readonly string[], eol = '\r\n'): string {
  const records = items.map((item, i) => [
    `PAY-${100 + i}`,
    item.title,
    statuses[i] ?? 'To Do',
    item.type === 'bug' ? 'Bug' : 'Story',
    'pi-studio',
    `pi-studio-key:${item.key}`,
    item.key,
  ]);
  const header = [
    'Issue key',
    'Summary',
    'Status',
    'Issue Type',
    'Labels',
    'Labels',
    `Custom field (${JIRA_KEY_COLUMN})`,
  ];
  return writeCsv([header, ...records]).replaceAll('\r\n', eol);
}

describe('storiesToJiraCsv', () => {
  it('writes the columns Jira auto-maps, one Labels column per label, and our key', () => {
    const csv = storiesToJiraCsv([
      exchangeItem(),
      exchangeItem({ key: 'FINTX-PAYOUTS-B-2', type: 'bug', priority: null }),
    ]);
    const header = parseCsv(csv).records[0]?.cells;
    expect(header).toEqual([
      'Issue ID',
      'Summary',
      'Issue Type',
      'Description',
      'Priority',
      'Labels',
      'Labels',
      'Labels',
      'Parent',
      JIRA_KEY_COLUMN,
    ]);
    const [story, bug] = readExport(csv);
    expect(story).toMatchObject({
      'Issue ID': '1',
      Summary: 'Pay out to a debit card',
      'Issue Type': 'Story',
      Priority: 'Highest',
      Parent: '',
      [JIRA_KEY_COLUMN]: 'FINTX-PAYOUTS-S-1',
      Labels: 'pi-studio FINTX-PAYOUTS pi-studio-key:FINTX-PAYOUTS-S-1',
    });
    expect(bug).toMatchObject({ 'Issue Type': 'Bug', Priority: '' });
  });

  it('renders the narrative, the Gherkin in a noformat block and the requirements as Jira wiki markup', () => {
    const description = jiraDescription(
      exchangeItem({ narrative: 'As a {admin} I want [x]', requirementIds: ['FR-1', 'NFR-2'] }),
    );
    expect(description).toBe(
      [
        'As a \\{admin} I want \\[x]',
        '',
        'h3. Acceptance criteria',
        '{noformat}',
        'Scenario: instant payout\n  Given a verified card\n  When I request a payout\n  Then it arrives within 30 minutes',
        '{noformat}',
        '',
        'h3. Requirements',
        '* FR-1',
        '* NFR-2',
      ].join('\n'),
    );
    expect(jiraDescription(exchangeItem({ narrative: '', acceptance: ' ', requirementIds: [] }))).toBe('');
    expect(jiraDescription(exchangeItem({ acceptance: 'Given {noformat} x' }))).toContain('Given \\{noformat\\} x');
  });

  it('maps every priority onto the default scheme', () => {
    expect(JIRA_PRIORITY).toEqual({
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
    });
  });

  it('puts parents first and links children by Issue ID, or by a known Jira key', () => {
    const csv = storiesToJiraCsv(
      [
        exchangeItem({ key: 'S-2', parentKey: 'S-1' }),
        exchangeItem({ key: 'S-1' }),
        exchangeItem({ key: 'S-3', parentKey: 'EPIC-9' }),
        exchangeItem({ key: 'S-4', parentKey: 'NOWHERE' }),
        exchangeItem({ key: 'S-5', parentKey: 'S-6' }),
        exchangeItem({ key: 'S-6', parentKey: 'S-5' }),
      ],
      { parentIssueKeys: { 'EPIC-9': 'PAY-7' } },
    );
    const rows = readExport(csv).map((r) => [r['Issue ID'], r[JIRA_KEY_COLUMN], r.Parent]);
    expect(rows).toEqual([
      ['1', 'S-1', ''],
      ['2', 'S-2', '1'],
      ['3', 'S-3', 'PAY-7'],
      ['4', 'S-4', ''],
      ['5', 'S-6', '6'],
      ['6', 'S-5', '5'],
    ]);
  });

  it('round-trips commas, quotes, line breaks and unicode, and guards formulas', () => {
    const item = exchangeItem({
      title: 'Refund "partial", then\nfull — 払い戻し 😀',
      narrative: '=cmd|" /C calc"!A0',
      product: 'FINTX  PAY OUTS',
    });
    const [row] = readExport(storiesToJiraCsv([item, exchangeItem({ key: 'X', title: '@SUM(A1)' })]));
    expect(row?.Summary).toBe(item.title);
    expect(row?.Description?.startsWith("'=cmd|")).toBe(true);
    expect(row?.Labels).toBe('pi-studio FINTX-PAY-OUTS pi-studio-key:FINTX-PAYOUTS-S-1');
    expect(readExport(storiesToJiraCsv([exchangeItem({ title: '@SUM(A1)' })]))[0]?.Summary).toBe("'@SUM(A1)");
    expect(readExport(storiesToJiraCsv([exchangeItem({ title: '-1' })]))[0]?.Summary).toBe("'-1");
  });

  it('does not throw on hostile item text', () => {
    const hostile = exchangeItem({ title: 'a\u0000b\uD800', narrative: 'x'.repeat(100_000), acceptance: '\uDFFF' });
    expect(() => storiesToJiraCsv([hostile])).not.toThrow();
  });
});

describe('parseJiraCsv', () => {
  it('reads back our own export once Jira has added its keys and statuses (round trip)', () => {
    const items = [
      exchangeItem(),
      exchangeItem({ key: 'FINTX-PAYOUTS-B-2', type: 'bug', title: 'Crash, "on" refund\nsecond line' }),
    ];
    const parsed = parseJiraCsv(asJiraExport(items, ['In Progress', 'Done']));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        issueKey: 'PAY-100',
        summary: 'Pay out to a debit card',
        status: 'In Progress',
        statusCategory: null,
        issueType: 'Story',
        externalKey: 'FINTX-PAYOUTS-S-1',
        labels: ['pi-studio', 'pi-studio-key:FINTX-PAYOUTS-S-1'],
      },
      {
        line: 3,
        issueKey: 'PAY-101',
        summary: 'Crash, "on" refund\nsecond line',
        status: 'Done',
        statusCategory: null,
        issueType: 'Bug',
        externalKey: 'FINTX-PAYOUTS-B-2',
        labels: ['pi-studio', 'pi-studio-key:FINTX-PAYOUTS-B-2'],
      },
    ]);
  });

  it('tolerates a BOM, CRLF, quoted line breaks, renamed and reordered columns and extra fields', () => {
    const text = [
      '\uFEFFSummary,issue KEY,Issue id,STATUS,Status Category,Labels,Labels,Custom field (Story Points),Custom field ( PI  Studio key )',
      '"Two\r\nline summary",PAY-1,10001,In Review,In Progress,pi-studio,,3,FINTX-PAYOUTS-S-1',
      'Only a label,PAY-2,10002,Closed,Done,pi-studio-key:FINTX-PAYOUTS-S-2,pi-studio,,',
      'Not ours,PAY-3,10003,To Do,To Do,,,,',
      '',
    ].join('\r\n');
    const parsed = parseJiraCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.issueKey, r.summary, r.status, r.statusCategory, r.externalKey])).toEqual([
      [2, 'PAY-1', 'Two\r\nline summary', 'In Review', 'In Progress', 'FINTX-PAYOUTS-S-1'],
      [4, 'PAY-2', 'Only a label', 'Closed', 'Done', 'FINTX-PAYOUTS-S-2'],
      [5, 'PAY-3', 'Not ours', 'To Do', 'To Do', null],
    ]);
  });

  it('reads the key column under a site-specific name', () => {
    const parsed = parseJiraCsv('Issue key,Summary,Status,Custom field (External ref)\nPAY-1,S,Done,K-1\n', {
      keyColumn: 'External ref',
    });
    expect(parsed.rows[0]?.externalKey).toBe('K-1');
  });

  it('reports broken quoting with the line and column', () => {
    const parsed = parseJiraCsv('Issue key,Summary,Status,Labels\nPAY-1,Say "hi",Done,pi-studio-key:K-1\n');
    expect(parsed.problems).toEqual([
      { line: 2, field: 'Summary', message: expect.stringContaining('quote inside an unquoted cell') },
    ]);
    const open = parseJiraCsv('Issue key,Summary,Status,Labels\nPAY-1,"never closed,Done,x\nPAY-2,b,Done,y\n');
    expect(open.problems).toEqual([{ line: 2, field: 'Summary', message: expect.stringContaining('never closed') }]);
  });

  it('refuses a file without Summary, Issue key, Status or any key column', () => {
    const fields = (text: string) => parseJiraCsv(text).problems.map((p) => [p.line, p.field]);
    expect(fields('Issue key,Status,Labels\nPAY-1,Done,x\n')).toEqual([[1, 'Summary']]);
    expect(fields('Summary,Status,Labels\nS,Done,x\n')).toEqual([[1, 'Issue key']]);
    expect(fields('Issue key,Summary,Labels\nPAY-1,S,x\n')).toEqual([[1, 'Status']]);
    expect(fields('Issue key,Summary,Status\nPAY-1,S,Done\n')).toEqual([[1, JIRA_KEY_COLUMN]]);
    expect(fields('Issue key,Summary,Status,Status,Labels\nPAY-1,S,Done,Done,x\n')).toEqual([[1, 'Status']]);
    expect(fields('')).toEqual([[1, 'file']]);
    expect(fields('\uFEFF\r\n\r\n')).toEqual([[1, 'file']]);
    expect(parseJiraCsv('Issue key,Status,Labels\nPAY-1,Done,x\n').rows).toEqual([]);
  });

  it('reports ragged rows, empty and duplicate issue keys, and one of our keys on two issues', () => {
    const text = [
      'Issue key,Summary,Status,Labels',
      'PAY-1,a,Done,pi-studio-key:K-1',
      'PAY-1,b,Done,pi-studio-key:K-2',
      ',c,Done,pi-studio-key:K-3',
      'PAY-4,d,Done',
      'PAY-5,e,Done,pi-studio-key:K-1',
      'PAY-6,f,,pi-studio-key:K-6',
    ].join('\n');
    expect(parseJiraCsv(text).problems).toEqual([
      { line: 3, field: 'Issue key', message: 'PAY-1 already appears on line 2' },
      { line: 4, field: 'Issue key', message: 'empty issue key' },
      { line: 5, field: 'row', message: '3 cells where the header has 4' },
      { line: 6, field: JIRA_KEY_COLUMN, message: expect.stringContaining('K-1 is also on line 2') },
      { line: 7, field: 'Status', message: 'empty status' },
    ]);
  });

  it('reports hostile input as problems without throwing: NUL, lone surrogates, a 5 MB cell', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const text = `Issue key,Summary,Status,Labels\nPAY-1,a\u0000b,Done,x\nPAY-2,\uD83D,Done,y\nPAY-3,"${big}",Done,z\n`;
    const parsed = parseJiraCsv(text);
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'Summary'],
      [3, 'Summary'],
      [4, 'Summary'],
    ]);
    expect(parsed.problems[2]?.message).toMatch(/at most/);
    expect(planJiraImport(parsed, []).applicable).toBe(false);
  });
});

describe('planJiraImport', () => {
  const row = (overrides: Partial<JiraRow>): JiraRow => ({
    line: 2,
    issueKey: 'PAY-1',
    summary: 's',
    status: 'Done',
    statusCategory: null,
    issueType: 'Story',
    externalKey: 'K-1',
    labels: [],
    ...overrides,
  });

  it('maps Jira statuses case-insensitively, with common variants and the status category as fallback', () => {
    const cases: [string, string | null, string][] = [
      ['To Do', null, 'backlog'],
      ['  to   do ', null, 'backlog'],
      ['OPEN', null, 'backlog'],
      ['Selected for Development', null, 'ready'],
      ['In Progress', null, 'in_progress'],
      ['in review', null, 'in_progress'],
      ['Done', null, 'done'],
      ['Closed', null, 'done'],
      ['Resolved', null, 'done'],
      ['Awaiting Deploy', 'In Progress', 'in_progress'],
      ["Won't Do", 'Done', 'done'],
    ];
    for (const [status, statusCategory, to] of cases) {
      const plan = planJiraImport([row({ status, statusCategory })], [{ key: 'K-1', status: 'ready' }]);
      expect(plan.problems).toEqual([]);
      if (to === 'ready') expect(plan.unchanged).toEqual(['K-1']);
      else expect(plan.updates).toEqual([{ key: 'K-1', issueKey: 'PAY-1', line: 2, from: 'ready', to }]);
    }
  });

  it('takes a site-specific status map over the defaults', () => {
    const plan = planJiraImport(
      [row({ status: 'Awaiting Deploy' }), row({ issueKey: 'PAY-2', externalKey: 'K-2', status: 'Done' })],
      [
        { key: 'K-1', status: 'backlog' },
        { key: 'K-2', status: 'backlog' },
      ],
      { statusMap: { 'AWAITING deploy': 'done', done: 'ready' } },
    );
    expect(plan.updates.map((u) => [u.key, u.to])).toEqual([
      ['K-1', 'done'],
      ['K-2', 'ready'],
    ]);
    expect(plan.applicable).toBe(true);
  });

  it('is not applicable with an unknown status or an unknown key, and leaves issues that are not ours alone', () => {
    const plan = planJiraImport(
      [
        row({ status: 'Parked' }),
        row({ line: 3, issueKey: 'PAY-2', externalKey: 'K-404' }),
        row({ line: 4, issueKey: 'PAY-3', externalKey: null }),
      ],
      [{ key: 'K-1', status: 'ready' }],
    );
    expect(plan).toEqual({
      updates: [],
      unchanged: [],
      unknown: ['K-404'],
      unlinked: ['PAY-3'],
      problems: [
        { line: 2, field: 'Status', message: expect.stringContaining('unknown Jira status "Parked"') },
        { line: 3, field: JIRA_KEY_COLUMN, message: 'K-404 (Jira PAY-2) is not an item of this product' },
      ],
      applicable: false,
    });
  });

  it('parses and plans a 10,000-row Jira export in well under 5 s', () => {
    const statuses = ['To Do', 'In Progress', 'Done', 'In Review', 'Selected for Development'];
    const items = Array.from({ length: 10_000 }, (_, i) =>
      exchangeItem({
        key: `FINTX-PAYOUTS-S-${i + 1}`,
        title: `Story ${i + 1}, with "quotes"`,
        status: 'backlog',
      }),
    );
    const header =
      'Summary,Issue key,Issue id,Issue Type,Status,Priority,Labels,Labels,Description,Custom field (PI Studio key),Status Category';
    const lines = items.map(
      (item, i) =>
        `"${item.title.replaceAll('"', '""')}",PAY-${i + 1},${10_000 + i},Story,${statuses[i % 5]},High,pi-studio,FINTX-PAYOUTS,"${jiraDescription(item).replaceAll('"', '""')}",${item.key},To Do`,
    );
    const text = `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;

    const started = performance.now();
    const plan = planJiraImport(parseJiraCsv(text), items);
    const elapsed = performance.now() - started;
    console.info(
      `10,000-row Jira CSV (${(text.length / 1e6).toFixed(1)} MB) parsed and planned in ${elapsed.toFixed(0)} ms`,
    );

    expect(plan.problems).toEqual([]);
    expect(plan.applicable).toBe(true);
    expect(plan.updates).toHaveLength(8_000);
    expect(plan.unchanged).toHaveLength(2_000);
    expect(elapsed).toBeLessThan(3000);
  });
});
