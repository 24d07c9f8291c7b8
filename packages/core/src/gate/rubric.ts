// The rubric format: versioned data (criteria with weights, check ids and params, severities, word lists,
// heading synonyms, verdict thresholds, blockers). Validation names the exact problem, because admins edit
// rubrics by hand and the CLI loads them from files.
import { z } from 'zod';
import { CHECK_IDS, CHECKS, RULES } from './checks/registry.ts';
import { TOPICS, WORD_LISTS } from './lexicon.ts';
import { SEVERITIES } from './types.ts';

const Phrases = z.array(z.string().trim().min(1).max(120)).max(1000);

const WordListsSchema = z.strictObject(
  Object.fromEntries(WORD_LISTS.map((n) => [n, Phrases])) as Record<(typeof WORD_LISTS)[number], typeof Phrases>,
);
const HeadingsSchema = z.strictObject(
  Object.fromEntries(TOPICS.map((t) => [t, Phrases])) as Record<(typeof TOPICS)[number], typeof Phrases>,
);

const CriterionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'criterion ids are lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(80),
  weight: z.number().min(0).max(100),
  check: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Per-rule severity overrides, e.g. {"metrics.no-baseline": "info"}. */
  severities: z.record(z.string(), z.enum(SEVERITIES)).default({}),
});

export const RubricSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'rubric ids are lower-case letters, digits and dashes'),
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(120),
    language: z.string().regex(/^[a-z]{2}$/, 'language is a two-letter code such as "en"'),
    criteria: z.array(CriterionSchema).min(1).max(50),
    wordLists: z.record(z.string(), WordListsSchema),
    headings: z.record(z.string(), HeadingsSchema),
    verdict: z.strictObject({
      passScore: z.number().min(0).max(100),
      conditionalScore: z.number().min(0).max(100),
      maxBlockersConditional: z.number().int().min(0),
    }),
    /** Rule ids whose findings are blockers. */
    blockers: z.array(z.string()),
  })
  .superRefine((rubric, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const total = rubric.criteria.reduce((n, c) => n + c.weight, 0);
    if (Math.abs(total - 100) > 1e-9)
      issue(['criteria'], `criteria weights sum to ${Number(total.toFixed(6))}, expected 100`);
    const seen = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (seen.has(c.id)) issue(['criteria', i, 'id'], `duplicate criterion id "${c.id}"`);
      seen.add(c.id);
      const check = CHECKS.get(c.check);
      if (!check) {
        issue(['criteria', i, 'check'], `unknown check id "${c.check}" (known: ${CHECK_IDS.join(', ')})`);
        return;
      }
      const params = check.params.safeParse(c.params);
      if (!params.success) {
        const first = params.error.issues[0];
        issue(['criteria', i, 'params', ...(first?.path ?? []).map(String)], first?.message ?? 'invalid params');
      }
      for (const rule of Object.keys(c.severities)) {
        if (RULES.get(rule)?.check !== c.check)
          issue(['criteria', i, 'severities', rule], `unknown rule "${rule}" for check "${c.check}"`);
      }
    });
    rubric.blockers.forEach((rule, i) => {
      if (!RULES.has(rule)) issue(['blockers', i], `unknown rule id "${rule}"`);
    });
    if (!rubric.wordLists[rubric.language]) issue(['wordLists'], `no word lists for language "${rubric.language}"`);
    if (!rubric.headings[rubric.language]) issue(['headings'], `no headings for language "${rubric.language}"`);
    if (rubric.verdict.conditionalScore > rubric.verdict.passScore) {
      issue(['verdict', 'conditionalScore'], 'conditionalScore must not exceed passScore');
    }
  });

export type Rubric = z.output<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;

export type RubricParseResult = { ok: true; rubric: Rubric } | { ok: false; error: string };

/** Validates rubric JSON; the error is one line naming the field and the problem. */
export function parseRubric(value: unknown): RubricParseResult {
  const parsed = RubricSchema.safeParse(value);
  if (parsed.success) return { ok: true, rubric: parsed.data };
  const first = parsed.error.issues[0];
  const path = (first?.path ?? []).map(String).join('.');
  return { ok: false, error: `${path ? `${path}: ` : ''}${first?.message ?? 'invalid rubric'}` };
}
