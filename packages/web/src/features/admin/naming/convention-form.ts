// The naming convention as a form: the separator and patterns as text fields, the two code tables as rows. Rows are
// kept as a list while editing (a half-typed code may equal another one for a moment) and become objects to save.
import { checkConvention, ZNamingConvention } from '@pi-studio/core/naming/convention';

export type CodeRow = { key: string; value: string };
export type ConventionDraft = {
  separator: string;
  subsidiaryPattern: string;
  productKeyPattern: string;
  documentCodes: CodeRow[];
  artifactCodes: CodeRow[];
  /** Fields the form does not know; kept so that saving from the form never drops them. */
  rest: Record<string, unknown>;
};
export type TextField = 'separator' | 'subsidiaryPattern' | 'productKeyPattern';
export type TableField = 'documentCodes' | 'artifactCodes';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const rows = (v: unknown): CodeRow[] =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.entries(v).map(([key, value]) => ({ key, value: text(value) }))
    : [];

export function toDraft(convention: Record<string, unknown>): ConventionDraft {
  const { separator, subsidiaryPattern, productKeyPattern, documentCodes, artifactCodes, ...rest } = convention;
  return {
    separator: text(separator),
    subsidiaryPattern: text(subsidiaryPattern),
    productKeyPattern: text(productKeyPattern),
    documentCodes: rows(documentCodes),
    artifactCodes: rows(artifactCodes),
    rest,
  };
}

/** Rows left completely empty are dropped; otherwise a later row with the same key wins, as in JSON. */
const toRecord = (list: CodeRow[]) =>
  Object.fromEntries(list.filter((r) => r.key.trim() || r.value.trim()).map((r) => [r.key.trim(), r.value.trim()]));

export function fromDraft(d: ConventionDraft): Record<string, unknown> {
  return {
    ...d.rest,
    separator: d.separator,
    subsidiaryPattern: d.subsidiaryPattern,
    productKeyPattern: d.productKeyPattern,
    documentCodes: toRecord(d.documentCodes),
    artifactCodes: toRecord(d.artifactCodes),
  };
}

/** Problems by field path (`documentCodes.prd`), as the server names them under `convention.`. */
export function conventionIssues(value: Record<string, unknown>): Map<string, string> {
  const issues = new Map<string, string>();
  const parsed = ZNamingConvention.safeParse(value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map(String);
      const name = (i.code === 'unrecognized_keys' ? [...path, i.keys[0] ?? ''] : path).join('.');
      if (!issues.has(name)) issues.set(name, i.code === 'unrecognized_keys' ? 'unknown field' : i.message);
    }
    return issues;
  }
  const problem = checkConvention(parsed.data);
  // checkConvention's messages start with the field they are about, as the server reports them.
  if (problem) issues.set(problem.split(' ')[0] ?? '', problem);
  return issues;
}
