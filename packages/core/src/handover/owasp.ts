// Security packs: each OWASP Top 10 (2021) category addressed or explicitly marked not applicable with a reason
// (../shared/research/handover.md §4). The list is data, versioned with the year.
import { documentAnchor, sectionAnchor } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import type { Section } from '../markdown/model.ts';
import { lineAnchor, type PackText } from './pack-text.ts';
import { packFinding, OWASP_RULES as R } from './rules.ts';

export type OwaspCategory = { id: string; name: string; aliases: readonly string[] };

export const OWASP_TOP10_2021: readonly OwaspCategory[] = [
  { id: 'A01', name: 'Broken Access Control', aliases: [] },
  { id: 'A02', name: 'Cryptographic Failures', aliases: [] },
  { id: 'A03', name: 'Injection', aliases: [] },
  { id: 'A04', name: 'Insecure Design', aliases: [] },
  { id: 'A05', name: 'Security Misconfiguration', aliases: [] },
  { id: 'A06', name: 'Vulnerable and Outdated Components', aliases: ['vulnerable components', 'outdated components'] },
  { id: 'A07', name: 'Identification and Authentication Failures', aliases: ['authentication failures'] },
  { id: 'A08', name: 'Software and Data Integrity Failures', aliases: ['data integrity failures'] },
  { id: 'A09', name: 'Security Logging and Monitoring Failures', aliases: ['logging and monitoring failures'] },
  { id: 'A10', name: 'Server-Side Request Forgery', aliases: ['ssrf', 'server side request forgery'] },
];

const ID = /\bA(0[1-9]|10|[1-9](?=\s*:\s*2021))(?::\s?20(?:17|21))?\b/g;
const UNKNOWN_ID = /\bA(00|1[1-9])\s*:\s*2021\b/;
const NOT_APPLICABLE = /\bn\/a\b|\bnot applicable\b|\bout of scope\b/i;

const namePattern = (c: OwaspCategory) =>
  new RegExp(`\\b(?:${[c.name, ...c.aliases].map((n) => n.replace(/[- ]/g, '[- ]')).join('|')})\\b`, 'i');
const NAMES = OWASP_TOP10_2021.map(namePattern);
/** A line that can mention a category at all: an id, or a word of a name. */
const OWASP_HINT =
  /\bA\d|access control|cryptograph|injection|insecure design|misconfiguration|components|authentication|integrity|logging|forgery|ssrf/i;

type Mention = { line: number; index: number; na: boolean; reasoned: boolean };

export type OwaspResult = { score: number; findings: Finding[] };

export function checkOwasp(text: PackText, owaspSection: Section | undefined): OwaspResult {
  const findings: Finding[] = [];
  const mentions: Mention[][] = OWASP_TOP10_2021.map(() => []);
  text.lines.forEach((line, i) => {
    if (text.inCode[i + 1] || !OWASP_HINT.test(line)) return;
    const ids = [...line.matchAll(ID)].map((m) => ({ n: Number(m[1]) - 1, index: m.index ?? 0 }));
    const named = NAMES.map((p) => p.exec(line));
    const na = NOT_APPLICABLE.test(line);
    const seen = new Set<number>();
    for (const { n, index } of ids) {
      seen.add(n);
      mentions[n]?.push({ line: i + 1, index, na, reasoned: !na || hasReason(line) });
      const own = named[n];
      const other = named.findIndex((m, k) => m !== null && k !== n);
      // A bare "Injection" beside "A05" on a row that lists several categories is not a misnaming.
      if (!own && other >= 0 && ids.length === 1)
        findings.push(
          packFinding(
            R.wrong_name,
            lineAnchor(text, i + 1, index),
            `A${String(n + 1).padStart(2, '0')}:2021 is "${OWASP_TOP10_2021[n]?.name}", not "${named[other]?.[0]}".`,
            'Use the 2021 ids and names (owasp.org/Top10): the 2017 list numbered them differently.',
          ),
        );
    }
    named.forEach((m, n) => {
      if (m && !seen.has(n)) mentions[n]?.push({ line: i + 1, index: m.index, na, reasoned: !na || hasReason(line) });
    });
    const unknown = UNKNOWN_ID.exec(line);
    if (unknown)
      findings.push(
        packFinding(
          R.unknown_id,
          lineAnchor(text, i + 1, unknown.index),
          `${unknown[0]} is not an OWASP Top 10 (2021) category: the list runs from A01 to A10.`,
          'Map the item to one of A01–A10, or move it to the other risks.',
        ),
      );
  });
  let covered = 0;
  OWASP_TOP10_2021.forEach((category, n) => {
    const list = mentions[n] ?? [];
    if (list.length) covered++;
    const label = `${category.id}:2021 ${category.name}`;
    if (list.length === 0) {
      findings.push(
        packFinding(
          R.missing_category,
          owaspSection ? sectionAnchor(owaspSection) : documentAnchor(text.doc),
          `${label} is not addressed.`,
          `Add a row for ${category.id}: the controls and evidence, or "not applicable" with the reason.`,
        ),
      );
    } else if (list.every((m) => m.na) && !list.some((m) => m.reasoned)) {
      const m = list[0] as Mention;
      findings.push(
        packFinding(
          R.na_without_reason,
          lineAnchor(text, m.line, m.index),
          `${label} is marked not applicable without saying why.`,
          'Say why it does not apply (e.g. "no outbound requests built from user input" for SSRF).',
        ),
      );
    }
  });
  return { score: covered / OWASP_TOP10_2021.length, findings };
}

/** A "not applicable" with at least three words beside the id, the name and the marker. */
function hasReason(line: string): boolean {
  let rest = line.replace(ID, ' ').replace(NOT_APPLICABLE, ' ');
  for (const p of NAMES) rest = rest.replace(p, ' ');
  const words = rest.match(/\p{L}{2,}/gu) ?? [];
  return words.length >= 3;
}
