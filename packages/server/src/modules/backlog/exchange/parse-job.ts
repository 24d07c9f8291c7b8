// Reading a Jira CSV export is CPU work: measured at ~40–150 ms for 10,000 rows (750 KB), so a 10 MB file would
// hold the event loop for over a second. Small files are read inline; larger ones in the job pool
// (`backlog.parseJira`), with the same result (docs/backlog.md, "Exchange").
import { type JiraParse, parseJiraCsv } from '@pi-studio/core/exchange/jira-csv';

/** Up to this many characters (~1,000 rows) a file is parsed on the event loop (≤ ~10 ms). */
export const JIRA_INLINE_MAX_CHARS = 64_000;

/** The pool's entry point (one structured-cloneable input). */
export const parseJiraJob = (text: string): JiraParse => parseJiraCsv(text);
