// The demo studio's people: every role appears in at least one subsidiary. All share DEMO_PASSWORD
// (documented in docs/cli.md and the README) so a new user can sign in as any of them.
import type { Person, PersonKey, SubsidiaryCode } from './facts.ts';

export const DEMO_PASSWORD = 'demo-password-1';
export const DEMO_EMAIL_DOMAIN = 'demo.pistudio.local';

export const DEMO_SUBSIDIARIES: { code: SubsidiaryCode; name: string }[] = [
  { code: 'EMX', name: 'EMX e-Mobility' },
  { code: 'NXN', name: 'NXN Next-Gen Networks' },
  { code: 'FINTX', name: 'FINTX Fintech' },
  { code: 'EDC', name: 'EDC Education' },
];

const everywhere = <R extends Person['roles'][SubsidiaryCode]>(role: R) => ({
  EMX: role,
  NXN: role,
  FINTX: role,
  EDC: role,
});

export const DEMO_PEOPLE: Record<PersonKey, Person> = {
  omar: { name: 'Omar Haddad', title: 'ProductOps Lead', roles: everywhere('productops') },
  atoum: { name: 'Atoum Benali', title: 'Builder', roles: everywhere('builder') },
  musa: { name: 'Musa Okafor', title: 'Venture Builder, NXN', roles: { NXN: 'vb' } },
  sarah: { name: 'Sarah Lindqvist', title: 'Venture Builder, EMX', roles: { EMX: 'vb' } },
  youssef: { name: 'Youssef Amrani', title: 'Venture Builder, FINTX', roles: { FINTX: 'vb' } },
  amara: { name: 'Amara Nwosu', title: 'Venture Builder, EDC', roles: { EDC: 'vb' } },
  leila: { name: 'Leila Farouk', title: 'Product Owner, FINTX', roles: { FINTX: 'po' } },
  jonas: { name: 'Jonas Weber', title: 'Product Owner, EMX', roles: { EMX: 'po' } },
  priya: { name: 'Priya Raman', title: 'Product Owner, NXN', roles: { NXN: 'po' } },
  daniel: { name: 'Daniel Mensah', title: 'Product Owner, EDC', roles: { EDC: 'po' } },
  karim: { name: 'Karim Aziz', title: 'IT Owner, FINTX and EMX', roles: { FINTX: 'it', EMX: 'it' } },
  mei: { name: 'Mei Chen', title: 'IT Owner, NXN and EDC', roles: { NXN: 'it', EDC: 'it' } },
  nadia: { name: 'Nadia Rahman', title: 'Studio Admin, FINTX', roles: { FINTX: 'admin', EDC: 'viewer' } },
  grace: { name: 'Grace Adeyemi', title: 'Finance Analyst', roles: { FINTX: 'viewer', EDC: 'viewer' } },
  tom: { name: 'Tom Becker', title: 'Operations Analyst', roles: { EMX: 'viewer', NXN: 'viewer' } },
};

export const demoEmail = (key: PersonKey) => `${key}@${DEMO_EMAIL_DOMAIN}`;
