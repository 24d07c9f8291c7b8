// Who may do what with adoption data, decided on the stored product's subsidiary. The tracking plan: read with
// product.read, saved with adoption.write (documents/policy.ts `productFor`: unknown and invisible are both 404).
// Events: one batch may name several products, so POST /events decides per record: a product the sender cannot see
// is refused like an unknown one (`unknown_product`), one they see without events.send is `product_forbidden`.
import { decide } from '@pi-studio/core/access/roles';
import type { Actor } from '../../use-case/actor.ts';

export type SendDecision = 'allow' | 'unknown_product' | 'product_forbidden';

export function sendDecision(actor: Actor, subsidiaryId: string): SendDecision {
  const d = decide(actor, 'events.send', subsidiaryId);
  if (d === 'hidden') return 'unknown_product';
  return d === 'deny' ? 'product_forbidden' : 'allow';
}
