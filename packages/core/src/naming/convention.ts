// The naming convention is data (admins edit it); these functions are the only place ids are built or read.
import { z } from 'zod';

export const ZNamingConvention = z.strictObject({
  separator: z.string().length(1).default('-'),
  subsidiaryPattern: z.string().min(1).default('[A-Z][A-Z0-9]{1,9}'),
  productKeyPattern: z.string().min(1).default('[A-Z][A-Z0-9]{1,19}'),
  /** document kind → code used in ids (`FINTX-PAYOUTS-PRD v1.3`) */
  documentCodes: z.record(z.string(), z.string().regex(/^[A-Z]{2,8}$/)).default({
    context: 'CTX',
    prd: 'PRD',
    story: 'US',
    handover: 'HO',
  }),
  /** artifact code → what it names (`FINTX-PAYOUTS-FR-4`) */
  artifactCodes: z.record(z.string().regex(/^[A-Z]{1,6}$/), z.string().min(1)).default({
    FR: 'functional requirement',
    NFR: 'non-functional requirement',
    S: 'user story',
    BUG: 'bug',
    FB: 'feedback item',
    CR: 'change request',
  }),
});
export type NamingConvention = z.infer<typeof ZNamingConvention>;

export const DEFAULT_CONVENTION: NamingConvention = ZNamingConvention.parse({});

export type ParsedId =
  | { kind: 'product'; subsidiary: string; key: string }
  | {
      kind: 'document';
      subsidiary: string;
      key: string;
      documentKind: string;
      version?: { major: number; minor: number };
    }
  | { kind: 'artifact'; subsidiary: string; key: string; artifact: string; number: number };

export type ParseResult = { ok: true; id: ParsedId } | { ok: false; error: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Throws when a pattern in the convention is not a valid regular expression. */
export function checkConvention(c: NamingConvention): string | null {
  for (const [name, pattern] of [
    ['subsidiaryPattern', c.subsidiaryPattern],
    ['productKeyPattern', c.productKeyPattern],
  ] as const) {
    try {
      new RegExp(pattern);
    } catch {
      return `${name} is not a valid regular expression`;
    }
    if (new RegExp(pattern).test(c.separator)) return `${name} must not match the separator`;
  }
  const docCodes = Object.values(c.documentCodes);
  if (new Set(docCodes).size !== docCodes.length) return 'documentCodes must be unique';
  return null;
}

export function productCode(c: NamingConvention, subsidiary: string, key: string): string {
  return `${subsidiary}${c.separator}${key}`;
}

export function documentId(
  c: NamingConvention,
  product: string,
  kind: string,
  version?: { major: number; minor: number },
) {
  const code = c.documentCodes[kind] ?? kind.toUpperCase();
  return `${product}${c.separator}${code}${version ? ` v${version.major}.${version.minor}` : ''}`;
}

export function artifactId(c: NamingConvention, product: string, artifact: string, n: number): string {
  return `${product}${c.separator}${artifact}${c.separator}${n}`;
}

/** A product key suggested from a free-text name: `Payout Tracker 2` → `PAYOUTTRACKER2`, cut to 20 chars. */
export function suggestKey(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');
  const key = ascii.replace(/^[0-9]+/, '').slice(0, 20);
  return key.length >= 2 ? key : `P${key}X`.slice(0, 20);
}

export function parseId(c: NamingConvention, id: string): ParseResult {
  const sep = escapeRegex(c.separator);
  const sub = `(${c.subsidiaryPattern})`;
  const key = `(${c.productKeyPattern})`;
  const product = new RegExp(`^${sub}${sep}${key}$`);
  const docCodes = Object.entries(c.documentCodes);
  const doc = new RegExp(
    `^${sub}${sep}${key}${sep}(${docCodes.map(([, v]) => escapeRegex(v)).join('|')})(?: v(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3}))?$`,
  );
  const art = new RegExp(
    `^${sub}${sep}${key}${sep}(${Object.keys(c.artifactCodes).map(escapeRegex).join('|')})${sep}([1-9]\\d{0,6})$`,
  );
  let m = doc.exec(id);
  if (m) {
    const documentKind = docCodes.find(([, v]) => v === m?.[3])?.[0] ?? '';
    const version = m[4] !== undefined ? { major: Number(m[4]), minor: Number(m[5]) } : undefined;
    return {
      ok: true,
      id: { kind: 'document', subsidiary: m[1] ?? '', key: m[2] ?? '', documentKind, ...(version ? { version } : {}) },
    };
  }
  m = art.exec(id);
  if (m)
    return {
      ok: true,
      id: { kind: 'artifact', subsidiary: m[1] ?? '', key: m[2] ?? '', artifact: m[3] ?? '', number: Number(m[4]) },
    };
  m = product.exec(id);
  if (m) return { ok: true, id: { kind: 'product', subsidiary: m[1] ?? '', key: m[2] ?? '' } };
  return { ok: false, error: explain(c, id) };
}

function explain(c: NamingConvention, id: string): string {
  if (id.trim() !== id || id === '') return 'an id has no surrounding spaces and is not empty';
  const [subsidiary, key] = id.split(c.separator);
  if (!subsidiary || !new RegExp(`^(${c.subsidiaryPattern})$`).test(subsidiary)) {
    return `"${subsidiary ?? ''}" is not a subsidiary code (pattern ${c.subsidiaryPattern})`;
  }
  if (!key || !new RegExp(`^(${c.productKeyPattern})$`).test(key)) {
    return `"${key ?? ''}" is not a product key (pattern ${c.productKeyPattern}, e.g. PAYOUTS)`;
  }
  return `unknown suffix after ${subsidiary}${c.separator}${key}: expected a document code (${Object.values(c.documentCodes).join(', ')}) or an artifact (${Object.keys(c.artifactCodes).join(', ')}) with a number`;
}

export function formatId(c: NamingConvention, id: ParsedId): string {
  const product = productCode(c, id.subsidiary, id.key);
  if (id.kind === 'product') return product;
  if (id.kind === 'artifact') return artifactId(c, product, id.artifact, id.number);
  return documentId(c, product, id.documentKind, id.version);
}

export function isValidSubsidiaryCode(c: NamingConvention, code: string): boolean {
  return new RegExp(`^(${c.subsidiaryPattern})$`).test(code);
}

export function isValidProductKey(c: NamingConvention, key: string): boolean {
  return new RegExp(`^(${c.productKeyPattern})$`).test(key);
}
