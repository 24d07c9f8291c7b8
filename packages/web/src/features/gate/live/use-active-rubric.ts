// The rubric the live gate scores with: the server's active version when it loads and validates, else the
// built-in default (offline, or a person who may not read rubrics) — so the editor never goes without a score.
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { parseRubric, type Rubric } from '@pi-studio/core/gate/rubric';
import { useMemo } from 'react';
import { useRubric, useRubrics } from '../queries.ts';

export type ActiveRubric = { rubric: Rubric; source: 'server' | 'default' };

export function useActiveRubric(enabled = true): ActiveRubric {
  const list = useRubrics(enabled);
  const active = list.data?.find((r) => r.active);
  const detail = useRubric(active?.id);
  const definition = detail.data?.definition;
  // Memoised on the fetched object: the engine caches its compiled form per rubric object.
  return useMemo(() => {
    if (definition === undefined) return { rubric: DEFAULT_RUBRIC, source: 'default' };
    const parsed = parseRubric(definition);
    return parsed.ok ? { rubric: parsed.rubric, source: 'server' } : { rubric: DEFAULT_RUBRIC, source: 'default' };
  }, [definition]);
}
