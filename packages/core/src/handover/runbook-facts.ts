// What a product's runbook-lite says about where it runs: its environments and the http(s) URLs of the service. The
// server adds them to the product record every pack is checked against, so a QA or security pack naming another
// environment or host of the product than the runbook is a consistency finding. Pure; reads Markdown line by line,
// fenced code skipped. Calibrated on public runbooks (bench/handover-public/facts.ts, docs/handover-packs.md).
//
// Environments: in an Environments section (a heading naming environments, and every deeper heading under it) a line,
// list item or table row that starts with an environment ("| Production | https://… |", "- QA: …"), and a sub-heading
// that names one ("## Staging", its first URL being the environment's); anywhere, a table's Env/Environment column and
// prose that names environments ("GSTG (staging) and GPRD (production) environments"; not "a test environment").
// URLs: every link outside code, except images, copyright and licence lines and one-off links to a domain the runbook
// names nowhere else (a "see the Kubernetes docs" link, a sign-up page); an environment's URL always counts. A
// reference link ("[opf-kafka][1]") stands for its definition's URL.
import { ENV_WORDS } from './consistency.ts';
import type { ProductEnvironment } from './types.ts';

export type RunbookFacts = { environments: ProductEnvironment[]; urls: string[] };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()|`*"']+[^\s<>()|`*"'.,;:!?]/gi;
const IMAGE_LINK = /!\[[^\]]*\]\(\s*<?(https?:\/\/[^\s)>]+)/gi;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|ico)(?:[?#]|$)/i;
const CREDIT_LINE = /©|\bcopyright\b|\blicen[cs]ed?\b|\blicen[cs]es\//i;
const FENCE = /^\s{0,3}(```|~~~)/;
const REF_LINK = /\[([^\]]+)\]\[([^\]]*)\]/g;
const REF_DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*<?(https?:\/\/[^\s>]+)>?/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
const ENV_SECTION = /environment/i;
const NOT_ENV_SECTION = /environment[\s-]*variables?|\benv[\s-]*vars?\b/i;
const LEAD = /^\s*(?:[-*+]\s+|\d+[.)]\s+|\|\s*)?(?:\*\*|__)?`?([A-Za-z][A-Za-z-]*)(?!\w)/;
const WORD = /[A-Za-z][A-Za-z-]*/g;
const HOST_LIKE = /(?<![\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
const ENV_COLUMN = /^(?:env|envs|environments?)$/i;
// Words before "environment(s)" that make it any environment, not one of the service's: "a test environment".
const GENERIC = new Set(['a', 'an', 'any', 'another', 'each', 'every', 'no', 'other', 'non', 'some', 'separate']);
const CONNECTOR = new Set(['and', 'or', '&', ',', '/']);
const MAX_URLS = 200;
const MAX_CANDIDATES = 2_000;
const MAX_ENVIRONMENTS = 50;

const envOf = (word: string | undefined) => (word ? ENV_WORDS[word.toLowerCase()] : undefined);

export function runbookFacts(markdown: string): RunbookFacts {
  const lines = markdown.split('\n');
  const refs = referenceDefinitions(lines);
  const environments = new Map<string, ProductEnvironment>();
  const candidates: string[] = [];
  const seen = new Set<string>();
  const addEnv = (name: string | undefined, url?: string) => {
    if (!name) return;
    const known = environments.get(name);
    if (known) {
      if (!known.url && url) known.url = url;
    } else if (environments.size < MAX_ENVIRONMENTS) environments.set(name, url ? { name, url } : { name });
  };
  let fence = false;
  let envLevel = 0; // level of the heading that opened the Environments section; 0 outside one
  let current: string | undefined; // the environment a sub-heading named, until the next heading
  let varsLevel = 0; // an "Environment variables" heading inside it: its lines name no environment
  let envColumn = -1; // the Env column of the table being read
  for (const raw of lines) {
    if (FENCE.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = HEADING.exec(raw);
    if (heading) {
      const level = (heading[1] as string).length;
      const title = heading[2] as string;
      envColumn = -1;
      current = undefined;
      if (envLevel && level <= envLevel) envLevel = 0;
      if (varsLevel && level <= varsLevel) varsLevel = 0;
      const variables = NOT_ENV_SECTION.test(title);
      if (!envLevel && ENV_SECTION.test(title) && !variables) envLevel = level;
      else if (envLevel && variables) varsLevel = level;
      if (envLevel && !varsLevel) {
        current = headingEnvironment(title);
        addEnv(current);
      }
      continue;
    }
    const urls = linksOf(raw, refs);
    for (const url of urls)
      if (candidates.length < MAX_CANDIDATES && !seen.has(url)) {
        seen.add(url);
        candidates.push(url);
      }
    envColumn = tableEnvironments(raw, envColumn, urls[0], addEnv);
    for (const name of proseEnvironments(raw)) addEnv(name);
    if (!envLevel || varsLevel) continue;
    const lead = envOf(LEAD.exec(raw)?.[1]);
    if (lead) addEnv(lead, urls[0]);
    else if (current && urls[0]) addEnv(current, urls[0]);
  }
  const envUrls = new Set([...environments.values()].flatMap((e) => (e.url ? [e.url] : [])));
  const recurring = recurringDomains(lines, candidates);
  const hostDomain = (u: string) => domainOf(/^https?:\/\/([^/:?#]+)/i.exec(u)?.[1] ?? '');
  const urls = candidates.filter((u) => envUrls.has(u) || recurring.has(hostDomain(u))).slice(0, MAX_URLS);
  return { environments: [...environments.values()], urls };
}

/** "Production", "Staging environment", "QA (shared)": a heading that is an environment's name, not "Testing on staging". */
function headingEnvironment(title: string): string | undefined {
  const m =
    /^(?:\d+[.)]?\s+)?(?:\*\*|__)?`?([A-Za-z][A-Za-z-]*)`?(?:\*\*|__)?(\s*$|\s+env(?:ironment)?s?\b|\s*[(:–—-])/i.exec(
      title.trim(),
    );
  return m && !/^testing$/i.test(m[1] as string) ? envOf(m[1]) : undefined;
}

/** The line's links that may be the service's, in order: not an image, not on a copyright or licence line; a
 * reference link ("[opf-kafka][1]") is its definition's URL. */
function linksOf(line: string, refs: ReadonlyMap<string, string>): string[] {
  const hasRef = refs.size > 0 && line.includes('][');
  if ((!line.includes('://') && !hasRef) || CREDIT_LINE.test(line)) return [];
  const images = new Set([...line.matchAll(IMAGE_LINK)].map((m) => m[1] as string));
  const found: [number, string][] = [...line.matchAll(URL_IN_TEXT)]
    .filter((m) => !IMAGE_FILE.test(m[0]) && ![...images].some((i) => i.startsWith(m[0])))
    .map((m) => [m.index ?? 0, m[0]]);
  if (hasRef)
    for (const m of line.matchAll(REF_LINK)) {
      const url = refs.get((m[2] || m[1] || '').toLowerCase());
      if (url && !IMAGE_FILE.test(url)) found.push([m.index ?? 0, url]);
    }
  return found.sort((a, b) => a[0] - b[0]).map(([, url]) => url);
}

/** Reference definitions outside code: "[1]: https://…" → "1" → the URL. */
function referenceDefinitions(lines: readonly string[]): Map<string, string> {
  const refs = new Map<string, string>();
  let fence = false;
  for (const line of lines) {
    if (FENCE.test(line)) fence = !fence;
    const m = fence ? null : REF_DEFINITION.exec(line);
    if (m) refs.set((m[1] as string).toLowerCase(), m[2] as string);
  }
  return refs;
}

/** A table row: the header row finds the Env column, the rows under it name environments. Returns the column. */
function tableEnvironments(
  line: string,
  column: number,
  url: string | undefined,
  addEnv: (name: string | undefined, url?: string) => void,
): number {
  const row = /^\s*\|(.*)\|\s*$/.exec(line);
  if (!row) return -1;
  const cells = (row[1] as string).split('|').map((c) => c.replace(/[*_`]/g, '').trim());
  if (column < 0) return cells.findIndex((c) => ENV_COLUMN.test(c));
  for (const word of cells[column]?.match(WORD) ?? []) {
    const env = envOf(word);
    if (env) {
      addEnv(env, url);
      break;
    }
  }
  return column;
}

/** "staging and production environments", "GSTG (staging) and GPRD (production) environments"; not "a test environment". */
function proseEnvironments(line: string): string[] {
  if (!/environments?\b/i.test(line)) return [];
  const found: string[] = [];
  let seen = 0;
  for (const m of line.matchAll(/environments?\b/gi)) {
    if (++seen > 20) break;
    // The words just before it: a bounded window, so a hostile line stays linear.
    const before = line
      .slice(Math.max(0, (m.index ?? 0) - 160), m.index)
      .replace(/`/g, '')
      .match(/\(?[A-Za-z][A-Za-z-]*\)?|[,&/]/g);
    if (!before) continue;
    const names: string[] = [];
    let i = before.length - 1;
    for (; i >= 0; i--) {
      const token = before[i] as string;
      const alias = /^\((.*)\)$/.exec(token);
      const env = envOf(alias ? alias[1] : token);
      if (env) names.push(env);
      else if (CONNECTOR.has(token.toLowerCase())) continue;
      else if (!(envOf(/^\((.*)\)$/.exec(before[i + 1] ?? '')?.[1]) && /^[A-Z]{2,}$/.test(token))) break;
    }
    if (names.length && !GENERIC.has((before[i] ?? '').toLowerCase())) found.push(...names);
  }
  return found;
}

/** Registrable domains the runbook names on two lines or more (links, bare hosts, code included). One pass. */
function recurringDomains(lines: readonly string[], urls: readonly string[]): Set<string> {
  const wanted = new Set(urls.map((u) => domainOf(/^https?:\/\/([^/:?#]+)/i.exec(u)?.[1] ?? '')));
  const lineCount = new Map<string, number>();
  for (const line of lines) {
    if (!line.includes('.')) continue;
    const onLine = new Set<string>();
    for (const m of line.matchAll(HOST_LIKE)) {
      const domain = domainOf(m[0]);
      if (wanted.has(domain)) onLine.add(domain);
    }
    for (const d of onLine) lineCount.set(d, (lineCount.get(d) ?? 0) + 1);
  }
  return new Set([...lineCount].filter(([, n]) => n >= 2).map(([d]) => d));
}

/** "api.eu.fintx.io" → "fintx.io"; "www.gov.uk" stays (a two-letter TLD under a label of three letters or fewer). */
function domainOf(host: string): string {
  const labels = host.toLowerCase().split('.');
  const tail = labels.at(-1) ?? '';
  const keep = tail.length === 2 && (labels.at(-2)?.length ?? 0) <= 3 && labels.length > 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}
