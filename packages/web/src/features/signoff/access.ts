// Whether to offer signing: the product's PO/VB (its assigned po) holding uat.signoff, a studio administrator or a
// subsidiary administrator. The server decides again (403 not_product_owner).
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

export function canSignOff(me: Me, product: { subsidiaryCode: string; poId: string | null }): boolean {
  if (me.user.isAdmin) return true;
  const role = me.memberships.find((m) => m.subsidiary === product.subsidiaryCode)?.role;
  if (!role) return false;
  return role === 'admin' || (ROLE_PERMISSIONS[role].includes('uat.signoff') && product.poId === me.user.id);
}
