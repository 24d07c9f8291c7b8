// Ownership after handover (checklist OWN-2): who runs it (IT owner), who supports it (support team), who is
// paged (on-call rotation) and who decides what it should do (business owner, PO/VB). Each must be named and,
// when a directory is given, found and active in it. Criterion `ownership`.
import { rules } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { artifactFinding } from './findings.ts';
import { type Directory, identityOf, type PersonRef, personLabel } from './support-terms.ts';

export const OWNERSHIP_ROLES = ['itOwner', 'supportTeam', 'onCall', 'businessOwner'] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

export const OWNERSHIP_ROLE_LABELS: Readonly<Record<OwnershipRole, string>> = {
  itOwner: 'IT owner',
  supportTeam: 'Support team',
  onCall: 'On-call rotation',
  businessOwner: 'Business owner (PO/VB)',
};

export type Ownership = Partial<Record<OwnershipRole, PersonRef | null>>;

export const OWNERSHIP_CRITERION = 'ownership';

export const OWNERSHIP_RULES = rules('ownership', {
  missing: ['blocker', 'An ownership role is not filled'],
  'unknown-person': ['major', 'An owner the directory does not know'],
  'inactive-person': ['major', 'An owner who has left or is deactivated'],
  'same-owner': ['minor', 'The IT owner is also the business owner'],
});
const R = OWNERSHIP_RULES;

export function checkOwnership(ownership: Ownership, options: { directory?: Directory } = {}): Finding[] {
  const out: Finding[] = [];
  for (const role of OWNERSHIP_ROLES) {
    const person = ownership?.[role] ?? null;
    const label = OWNERSHIP_ROLE_LABELS[role];
    const path = ['Ownership', label];
    if (identityOf(person) === '' || !person) {
      out.push(
        artifactFinding(OWNERSHIP_CRITERION, R.missing, path, `No ${label}.`, `Name the ${label} from the directory.`),
      );
      continue;
    }
    const found = options.directory?.(person);
    if (found === 'unknown' || found === 'inactive')
      out.push(
        artifactFinding(
          OWNERSHIP_CRITERION,
          found === 'unknown' ? R['unknown-person'] : R['inactive-person'],
          path,
          `${label} ${personLabel(person)} is ${found === 'unknown' ? 'not in the directory' : 'deactivated'}.`,
          'Pick an active person or group from the directory.',
          personLabel(person),
        ),
      );
  }
  // Why: the business owner decides what the service should do, the IT owner runs it; one person in both roles
  // means nobody challenges a risky change. Allowed, but said.
  const it = identityOf(ownership?.itOwner);
  if (it !== '' && it === identityOf(ownership?.businessOwner))
    out.push(
      artifactFinding(
        OWNERSHIP_CRITERION,
        R['same-owner'],
        ['Ownership', OWNERSHIP_ROLE_LABELS.itOwner],
        'The IT owner is also the business owner.',
        'Name separate people unless the product is too small to need them.',
      ),
    );
  return out;
}
