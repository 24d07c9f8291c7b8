// Test-only: PRDs at a chosen quality, rendered by the demo's renderer from a demo product's facts, so the
// tests read realistic documents whose engine verdicts are known (strong → pass, medium → conditional,
// weak → fail).
import { DEMO_PRODUCTS } from '../../demo/catalog/all.ts';
import type { Quality } from '../../demo/facts.ts';
import { renderPrd } from '../../demo/prd.ts';

const AT = new Date('2026-10-05T09:00:00Z');

export function testPrd(quality: Quality, productKey = 'PAYOUTS', version: `${number}.${number}` = '1.0'): string {
  const facts = DEMO_PRODUCTS.find((p) => p.key === productKey);
  if (!facts) throw new Error(`no demo product ${productKey}`);
  return renderPrd({ facts, spec: { version, quality, weeksAgo: 0, note: '' }, at: AT });
}

/** A strong PRD with "TBD" in a requirement: a high score held back by one blocker. */
export const prdWithBlocker = () => testPrd('strong').replace(/^(\| FR-2 \| [^|]*?)( \|)/m, '$1 TBD$2');
