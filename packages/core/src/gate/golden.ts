// Fixes cite the Golden PRD library: the best approved passage for the criterion, same subsidiary and product
// type first, then same subsidiary, then same product type, then any (in the order given, for determinism).
import { excerptOf } from '../markdown/text.ts';
import type { GoldenPassage, ScoreOptions } from './types.ts';

export function bestGolden(criterion: string, options: ScoreOptions): GoldenPassage | null {
  let best: GoldenPassage | null = null;
  let bestRank = -1;
  for (const passage of options.golden ?? []) {
    if (passage.criterion !== criterion || !passage.text.trim()) continue;
    const sameSubsidiary = !!options.subsidiary && passage.subsidiary === options.subsidiary;
    const sameType = !!options.productType && passage.productType === options.productType;
    const rank = (sameSubsidiary ? 2 : 0) + (sameType ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [passage, rank];
  }
  return best;
}

export function citeGolden(fix: string, passage: GoldenPassage | null): string {
  if (!passage) return fix;
  const from = passage.source ? ` (${passage.source})` : '';
  return `${fix} Golden example${from}: "${excerptOf(passage.text, 240)}"`;
}
