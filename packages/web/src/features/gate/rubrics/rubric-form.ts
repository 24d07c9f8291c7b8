// The rubric form edits a definition object in place of its JSON: the fields a reviewer tunes (criteria and weights,
// verdict thresholds, blockers) get inputs; everything else (params, severities, word lists, headings) is carried
// along untouched and stays editable in the Advanced (JSON) view. Pure, so it is tested without a browser.
import { RubricSchema } from '@pi-studio/core/gate/rubric';

export type Definition = Record<string, unknown>;
export type CriterionRow = { id: string; name: string; weight: number; check: string } & Record<string, unknown>;
export type VerdictRules = { passScore: number; conditionalScore: number; maxBlockersConditional: number };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The start of a new version: the base definition with the next version number (the server renumbers anyway). */
export function nextVersionDefinition(definition: unknown, nextVersion: number): Definition {
  return { ...(isObject(definition) ? definition : {}), version: nextVersion };
}

export const textField = (def: Definition, key: 'id' | 'name' | 'language') => text(def[key]);

export function criteriaOf(def: Definition): CriterionRow[] {
  const list = Array.isArray(def.criteria) ? def.criteria : [];
  return list.map((c) => {
    const row = isObject(c) ? c : {};
    return { ...row, id: text(row.id), name: text(row.name), weight: num(row.weight), check: text(row.check) };
  });
}

export const weightTotal = (def: Definition) =>
  Number(
    criteriaOf(def)
      .reduce((n, c) => n + c.weight, 0)
      .toFixed(6),
  );

export function updateCriterion(def: Definition, index: number, patch: Partial<CriterionRow>): Definition {
  return { ...def, criteria: criteriaOf(def).map((c, i) => (i === index ? { ...c, ...patch } : c)) };
}

export function addCriterion(def: Definition, check: string): Definition {
  return {
    ...def,
    criteria: [...criteriaOf(def), { id: '', name: '', weight: 0, check, params: {}, severities: {} }],
  };
}

export const removeCriterion = (def: Definition, index: number): Definition => ({
  ...def,
  criteria: criteriaOf(def).filter((_, i) => i !== index),
});

export function verdictOf(def: Definition): VerdictRules {
  const v = isObject(def.verdict) ? def.verdict : {};
  return {
    passScore: num(v.passScore),
    conditionalScore: num(v.conditionalScore),
    maxBlockersConditional: num(v.maxBlockersConditional),
  };
}

export const setVerdict = (def: Definition, patch: Partial<VerdictRules>): Definition => ({
  ...def,
  verdict: { ...(isObject(def.verdict) ? def.verdict : {}), ...patch },
});

export const blockersOf = (def: Definition): string[] =>
  Array.isArray(def.blockers) ? def.blockers.filter((b): b is string => typeof b === 'string') : [];

/**
 * Every problem of the definition by field path (`criteria.3.weight`), as the server names them under
 * `definition.`: the same schema runs here while typing, so most answers come before saving.
 */
export function rubricIssues(def: Definition): Map<string, string> {
  const issues = new Map<string, string>();
  const parsed = RubricSchema.safeParse(def);
  if (parsed.success) return issues;
  for (const i of parsed.error.issues) {
    const path = i.path.map(String);
    const name = (i.code === 'unrecognized_keys' ? [...path, i.keys[0] ?? ''] : path).join('.');
    if (!issues.has(name)) issues.set(name, i.code === 'unrecognized_keys' ? 'unknown field' : i.message);
  }
  return issues;
}
