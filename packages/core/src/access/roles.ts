// Who may do what inside a subsidiary. Pure data + one decision function, shared by server and web.

export const ROLES = ['admin', 'productops', 'po', 'vb', 'builder', 'it', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'product.read',
  'product.create',
  'product.update',
  'document.read',
  'document.write',
  'audit.read',
  'subsidiary.manage', // memberships and settings of one subsidiary
  'gate.review', // ProductOps at the PRD gate: overrides, waivers, conditions, verdicts, the Golden library
  // The build team's backlog: syncing requirements from the passed PRD, stories and bugs, sprints. Reading it is
  // product.read; IT and viewers follow the build without changing its plan.
  'backlog.write',
  // The feedback backlog (issue #13): everyone with a role in the subsidiary but viewers submits feedback; the people
  // who shape the backlog triage it (and import chat exports into it). Reading it is product.read.
  'feedback.submit',
  'feedback.triage',
  // UAT (issue #13): the build team and ProductOps plan sessions, generate cases and hand out guest links; anyone on
  // the product's team but viewers runs cases; the PO/VB signs a session or a release off.
  'uat.manage',
  'uat.run',
  'uat.signoff',
  // Handover to IT (issue #14): the team that built the product and ProductOps upload its QA, security, runbook,
  // release-notes and documentation packs, and keep the handover package (checklist, artifacts); IT and viewers read
  // them (product.read). IT decides at the readiness review (the product's IT owner) and logs post-handover gaps.
  'handover.write',
  'handover.accept',
  // Adoption tracking (issue #15): the product's owners and ProductOps keep its tracking plan (reading it is
  // product.read); the same people and the build team send adoption events for it (POST /events, per product).
  'adoption.write',
  'events.send',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['product.read', 'document.read'];
const FEEDBACK: Permission[] = ['feedback.submit', 'feedback.triage'];
const UAT: Permission[] = ['uat.manage', 'uat.run'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  productops: [
    ...READ,
    'product.create',
    'product.update',
    'document.write',
    'audit.read',
    'gate.review',
    'backlog.write',
    ...FEEDBACK,
    ...UAT,
    'handover.write',
    'adoption.write',
    'events.send',
  ],
  po: [
    ...READ,
    'product.create',
    'product.update',
    'document.write',
    'backlog.write',
    ...FEEDBACK,
    ...UAT,
    'uat.signoff',
    'handover.write',
    'adoption.write',
    'events.send',
  ],
  vb: [
    ...READ,
    'product.create',
    'product.update',
    'document.write',
    'backlog.write',
    ...FEEDBACK,
    ...UAT,
    'uat.signoff',
    'handover.write',
    'adoption.write',
    'events.send',
  ],
  builder: [...READ, 'document.write', 'backlog.write', ...FEEDBACK, ...UAT, 'handover.write', 'events.send'],
  it: [...READ, 'feedback.submit', 'uat.run', 'handover.accept'],
  viewer: READ,
};

export type ActorScope = {
  isAdmin: boolean;
  /** subsidiaryId → role */
  roles: ReadonlyMap<string, Role>;
};

export type Decision = 'allow' | 'deny' | 'hidden';

/**
 * `hidden` means the actor cannot even see the subsidiary: callers answer 404 so ids cannot be probed.
 * `deny` means they can see it but not do this: callers answer 403.
 */
export function decide(actor: ActorScope, permission: Permission, subsidiaryId: string): Decision {
  if (actor.isAdmin) return 'allow';
  const role = actor.roles.get(subsidiaryId);
  if (!role) return 'hidden';
  return ROLE_PERMISSIONS[role].includes(permission) ? 'allow' : 'deny';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
