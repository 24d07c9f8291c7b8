// Plain-text PRDs (pasted from a word processor, an e-mail or a chat) have no Markdown headings, but they have label
// lines ("Overview:", "Success Metrics:") and numbered titles ("4. Functional Requirements", "3.1. Primary:") on
// lines of their own. In such a document those lines are read as headings, so its sections are found as in
// Markdown. Only the copy given to the parser changes, line for line: positions and excerpts stay the author's.

const ATX = /^ {0,3}#{1,6}(?:\s|$)/;
const FENCE = /^ {0,3}(?:```|~~~)/;
/** "Success Metrics:", "Core Features (POC Phase):" — a short label and nothing after its colon. */
const LABEL = /^([A-Z][\p{L}\p{N} &/(),'’+-]{1,60}?)\s*:\s*$/u;
/** "4. Functional Requirements", "3.1. Primary:", "2.4 Consistency" — a number, then a short capitalised title. */
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^:!?\n]{1,70}?(?<!\.))\s*:?\s*$/;
/** The document's own name on its first line: short, no sentence punctuation at the end. */
const TITLE = /^[\p{Lu}\p{N}"“][^\n]{2,90}$/u;
const MAX_TITLE_WORDS = 12;
const MAX_LABEL_WORDS = 7;

/** The body with label lines and numbered titles turned into headings, when it has fewer than two headings. */
export function plainTextHeadings(body: string): string {
  const lines = body.split('\n');
  if (headingCount(lines) >= 2) return body;
  const state: State = { titled: false, base: 1, childWord: null };
  let changed = false;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || !line.trim()) continue;
    const before = i === 0 || !(lines[i - 1] as string).trim();
    const heading = before ? headingFor(lines, i, state) : null;
    if (heading) {
      lines[i] = heading;
      changed = true;
    }
    state.titled = true;
  }
  return changed ? lines.join('\n') : body;
}

type State = {
  titled: boolean;
  /** Level of a numbered title's parent: 1 at the top, 2 under a label ("Core Features:" then "1. Login"). */
  base: number;
  /** "Development Phases:" then "Phase 1:", "Phase 2:": labels starting with this word sit under the parent. */
  childWord: string | null;
};

function headingFor(lines: readonly string[], i: number, state: State): string | null {
  const line = lines[i] as string;
  const next = lines[i + 1];
  if (line !== line.trimStart()) return null;
  const words = line.trim().split(/\s+/).length;
  const numbered = NUMBERED.exec(line);
  // A numbered title stands alone: a blank line or an indented list follows, not the next item of a list.
  if (numbered && words <= 8 && (next === undefined || !next.trim() || /^\s{2,}\S/.test(next))) {
    const depth = (numbered[1] as string).split('.').filter(Boolean).length;
    return `${'#'.repeat(Math.min(6, state.base + depth))} ${line}`;
  }
  if (LABEL.test(line) && words <= MAX_LABEL_WORDS && next !== undefined) {
    state.base = 2;
    const word = firstWord(line);
    if (state.childWord && word === state.childWord) return `### ${line}`;
    const following = nextLine(lines, i);
    state.childWord = following !== undefined && LABEL.test(following) ? firstWord(following) : null;
    return `## ${line}`;
  }
  if (!state.titled && TITLE.test(line) && words <= MAX_TITLE_WORDS && !/[.!?,;]$/.test(line) && !next?.trim())
    return `# ${line}`;
  return null;
}

const firstWord = (line: string) =>
  line
    .trim()
    .split(/[\s:]+/)[0]
    ?.toLowerCase() ?? '';

function nextLine(lines: readonly string[], i: number): string | undefined {
  for (let j = i + 1; j < lines.length; j++) if ((lines[j] as string).trim()) return lines[j];
  return undefined;
}

function headingCount(lines: readonly string[]): number {
  let count = 0;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) fenced = !fenced;
    else if (!fenced && (ATX.test(line) || (/^ {0,3}=+\s*$/.test(line) && i > 0 && (lines[i - 1] as string).trim())))
      count++;
    if (count >= 2) return count;
  }
  return count;
}
