// The signed-in person for everything inside the shell (the gate renders children only with a session).
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from './api.ts';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside SessionProvider');
  return me;
}

/** Subsidiary codes where this person may create products; the server decides again on submit. */
export function creatableSubsidiaries(me: Me): string[] | 'all' {
  if (me.user.isAdmin) return 'all';
  return me.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes('product.create')).map((m) => m.subsidiary);
}

export const canWriteDocuments = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('document.write'));

export const canUpdateProduct = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('product.update'));
