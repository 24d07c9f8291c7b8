// Consistency with the product record: the pack must name the product as the record does, speak of the release
// under handover, and give the record's owners, hosts and environments — an AI-written pack invents all four.
// Every check runs only when the record gives its facts; hosts and owners are compared within the record's own
// domains, so vendor contacts and third-party links are not mismatches.
import { documentAnchor } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { VERSION_HEADING } from './completeness.ts';
import { lineAnchor, type PackText, withoutInlineCode } from './pack-text.ts';
import { packFinding, CONSISTENCY_RULES as R } from './rules.ts';
import type { ProductRecord } from './types.ts';

const SEMVER = /(?<![\w.])v?(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?)(?![\w.]*\d)/g;
const URL = /\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/gi;
const EMAIL = /\b[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b/gi;
/** Environment words as people write them, to one name each (prod → production). */
export const ENV_WORDS: Readonly<Record<string, string>> = {
  dev: 'development',
  development: 'development',
  test: 'test',
  testing: 'test',
  qa: 'qa',
  uat: 'uat',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'preprod',
  'pre-production': 'preprod',
  production: 'production',
  prod: 'production',
  live: 'production',
  sandbox: 'sandbox',
  demo: 'demo',
  dr: 'dr',
};

const norm = (v: string) => v.replace(/^v/i, '');
const registrable = (host: string) => host.toLowerCase().split('.').slice(-2).join('.');
const hostOf = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/([^/:?#\s]+)/i.exec(url.trim())?.[1]?.toLowerCase() ?? null;

export function checkConsistency(text: PackText, record: ProductRecord): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: keyof typeof R, line: number, index: number, message: string, fix: string) =>
    findings.push(packFinding(R[rule], lineAnchor(text, line, index), message, fix));
  const all = text.lines.join('\n');
  const names = [record.name, record.code].filter((n): n is string => !!n?.trim());
  if (names.length && !names.some((n) => all.toLowerCase().includes(n.toLowerCase())))
    findings.push(
      packFinding(
        R.product_not_named,
        documentAnchor(text.doc),
        `The pack never names the product (${names.join(' / ')}).`,
        'Name the product and its code in the title or the first section, as the product record spells them.',
      ),
    );
  const nameVariant = record.name ? variantPattern(record.name) : null;
  /** The name's first three letters, lower case: a line without them cannot name the product. */
  const nameHint = record.name
    ?.replace(/[^\p{L}\p{N}]/gu, '')
    .slice(0, 3)
    .toLowerCase();
  const codeHead = record.code?.split('-')[0];
  const allowed = new Set(
    [record.version, ...(record.previousVersions ?? [])].filter(Boolean).map((v) => norm(v as string)),
  );
  const recordHosts = new Set(
    [...(record.environments ?? []).map((e) => e.url ?? ''), ...(record.urls ?? [])]
      .map(hostOf)
      .filter((h) => h !== null),
  );
  const domains = new Set([...recordHosts].map((h) => registrable(h as string)));
  const emails = new Set((record.owners ?? []).map((o) => o.email?.toLowerCase()).filter(Boolean));
  const emailDomains = new Set([...emails].map((e) => (e as string).split('@')[1]));
  const envs = new Set((record.environments ?? []).map((e) => ENV_WORDS[e.name.toLowerCase()] ?? e.name.toLowerCase()));
  const productWords = [record.name?.replace(/[\s-]+/g, ''), record.code?.split('-').pop()]
    .filter((w): w is string => !!w && w.length >= 3)
    .map((w) => w.toLowerCase());
  const namesProduct = (host: string) =>
    productWords.length === 0 || productWords.some((w) => host.replace(/-/g, '').includes(w));
  let firstRelease = true;
  text.lines.forEach((raw, i) => {
    const line = i + 1;
    if (text.inCode[line]) return;
    const prose = withoutInlineCode(raw);
    // Cheap tests first: most lines name no product, hold no URL, e-mail or version.
    const lower = prose.toLowerCase();
    if (nameVariant && record.name && nameHint && lower.includes(nameHint))
      for (const m of prose.matchAll(nameVariant)) {
        const before = prose[(m.index ?? 0) - 1] ?? ' ';
        const after = prose.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2);
        if (m[0] === record.name || /[./@_-]/.test(before) || /^[./@_-]\w/.test(after)) continue;
        add(
          'product_name',
          line,
          m.index ?? 0,
          `"${m[0]}" is spelt "${record.name}" in the product record.`,
          `Write "${record.name}".`,
        );
        break;
      }
    if (record.code && codeHead && prose.includes(`${codeHead}-`))
      for (const m of prose.matchAll(/\b[A-Z][A-Z0-9]+(?:-[A-Z][A-Z0-9]+)+\b/g)) {
        const token = m[0];
        if (token === record.code || token.startsWith(`${record.code}-`) || token.split('-')[0] !== codeHead) continue;
        add(
          'product_code',
          line,
          m.index ?? 0,
          `${token} is not the product code ${record.code}.`,
          `Write ${record.code}.`,
        );
      }
    if (allowed.size && /\d\.\d/.test(prose)) versions(prose, line, names, allowed, firstRelease, add);
    if (firstRelease && /^#{1,6}\s/.test(raw) && VERSION_HEADING.test(raw)) firstRelease = false;
    if (domains.size && prose.includes('://'))
      for (const m of prose.matchAll(URL)) {
        const host = (m[1] as string).toLowerCase();
        // Only hosts that name the product: a shared dashboard or wiki on the same domain is not a mismatch.
        if (recordHosts.has(host) || !domains.has(registrable(host)) || !namesProduct(host)) continue;
        add(
          'url',
          line,
          m.index ?? 0,
          `${host} is not one of the product's hosts in the record.`,
          `Use the record's host (${[...recordHosts].slice(0, 3).join(', ')}) or add this one to the record.`,
        );
      }
    if (emails.size && prose.includes('@'))
      for (const m of prose.matchAll(EMAIL)) {
        const email = m[0].toLowerCase();
        if (emails.has(email) || !emailDomains.has((m[1] as string).toLowerCase())) continue;
        add(
          'owner',
          line,
          m.index ?? 0,
          `${m[0]} is not an owner or contact in the product record.`,
          'Use the owners and contacts of the product record, or update the record first.',
        );
      }
    if (envs.size && /environment/i.test(text.sectionOf(line).title)) {
      const first = /^\s*(?:[-*+]\s+|\|\s*)?(?:\*\*)?([A-Za-z-]+)/.exec(prose);
      const env = first ? ENV_WORDS[(first[1] as string).toLowerCase()] : undefined;
      if (env && !envs.has(env))
        add(
          'environment',
          line,
          prose.indexOf(first?.[1] as string),
          `The ${first?.[1]} environment is not in the product record.`,
          `The record lists: ${[...envs].join(', ')}.`,
        );
    }
  });
  return findings;
}

/** "PayFlow" → /pay[\s-]?flow/gi: the name with its words run together, spaced or hyphenated, in any case. */
function variantPattern(name: string): RegExp {
  const words = name.split(/[\s-]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[\\s-]?');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

type Add = (rule: keyof typeof R, line: number, index: number, message: string, fix: string) => void;

/** Versions where they name the release: "Version: 2.3", a line naming the product, the newest release heading. */
function versions(
  prose: string,
  line: number,
  names: readonly string[],
  allowed: ReadonlySet<string>,
  firstRelease: boolean,
  add: Add,
): void {
  const label = /^\s*(?:[-*|]\s*)?(?:\*\*)?(?:version|release|build)(?:\*\*)?\s*[:|]/i.test(prose);
  const heading = /^#{1,6}\s/.test(prose) && VERSION_HEADING.test(prose) && firstRelease;
  const named =
    names.some((n) => prose.toLowerCase().includes(n.toLowerCase())) && /\b(?:version|release|v\d)/i.test(prose);
  if (!label && !heading && !named) return;
  for (const m of prose.matchAll(SEMVER)) {
    const v = m[1] as string;
    if (allowed.has(v) || [...allowed].some((a) => a.startsWith(`${v}.`))) continue;
    if (/^\d{4}\.\d{1,2}/.test(v) && !heading) continue;
    add(
      'version',
      line,
      m.index ?? 0,
      `Version ${v} is not the release under handover (${[...allowed][0]}).`,
      `Write the version of this release, ${[...allowed][0]}.`,
    );
    return;
  }
}
