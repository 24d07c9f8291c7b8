// Golden passages for live fixes: the same library the server cites, so the editor's fix text matches the review.
import type { GoldenPassage } from '@pi-studio/core/gate/types';
import { useMemo } from 'react';
import { useGolden } from '../queries.ts';

const NONE: GoldenPassage[] = [];

export function useGoldenPassages(subsidiary: string | undefined): readonly GoldenPassage[] {
  const query = useGolden({}, subsidiary !== undefined);
  const items = query.data;
  return useMemo(
    () =>
      items
        ? items.map((g) => ({
            criterion: g.criterion,
            text: g.text,
            source: g.source,
            subsidiary: g.subsidiary,
            productType: g.productType,
          }))
        : NONE,
    [items],
  );
}
