// A rubric is validated and its word lists compiled once per rubric object; scoring a document then costs no
// schema parsing and no regex construction.
import type { Check } from './checks/kit.ts';
import { CHECKS } from './checks/registry.ts';
import { type CompiledLexicon, compileLexicon } from './lexicon-compile.ts';
import { parseRubric, type Rubric } from './rubric.ts';
import type { Severity } from './types.ts';

export type CompiledCriterion = {
  id: string;
  name: string;
  weight: number;
  check: Check;
  params: unknown;
  severities: Readonly<Record<string, Severity>>;
};

export type CompiledRubric = {
  rubric: Rubric;
  criteria: CompiledCriterion[];
  blockers: ReadonlySet<string>;
  lexicon(language?: string): CompiledLexicon;
};

export class RubricError extends Error {
  readonly code = 'invalid_rubric';
}

const cache = new WeakMap<Rubric, CompiledRubric>();

export function compileRubric(input: Rubric): CompiledRubric {
  const hit = cache.get(input);
  if (hit) return hit;
  const parsed = parseRubric(input);
  if (!parsed.ok) throw new RubricError(`invalid rubric: ${parsed.error}`);
  const rubric = parsed.rubric;
  const criteria = rubric.criteria.map((c) => {
    const check = CHECKS.get(c.check) as Check;
    return {
      id: c.id,
      name: c.name,
      weight: c.weight,
      check,
      params: check.params.parse(c.params),
      severities: c.severities,
    };
  });
  const lexicons = new Map<string, CompiledLexicon>();
  const compiled: CompiledRubric = {
    rubric,
    criteria,
    blockers: new Set(rubric.blockers),
    lexicon(language) {
      const lang = language && rubric.wordLists[language] && rubric.headings[language] ? language : rubric.language;
      let lexicon = lexicons.get(lang);
      if (!lexicon) {
        lexicon = compileLexicon(
          rubric.wordLists[lang] as Rubric['wordLists'][string],
          rubric.headings[lang] as Rubric['headings'][string],
        );
        lexicons.set(lang, lexicon);
      }
      return lexicon;
    },
  };
  cache.set(input, compiled);
  return compiled;
}
