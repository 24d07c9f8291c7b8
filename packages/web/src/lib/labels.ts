// Human words for the ids the API speaks: audit actions, roles, gate rules and rubric criteria. The API, filters,
// URLs and test ids keep the ids; only what a person reads goes through here, so every page says it the same way.
import { isRole, type Role } from '@pi-studio/core/access/roles';
import { TOKEN_SCOPES, type TokenScope } from '@pi-studio/core/access/token-scopes';
import { type AuditAction, isAuditAction } from '@pi-studio/core/contract/audit-actions';
import { RULES } from '@pi-studio/core/gate/checks/registry';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { DOCUMENT_CRITERION, DOCUMENT_RULES } from '@pi-studio/core/gate/document-kind';
import { PACK_RULES } from '@pi-studio/core/handover/rules';

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Subsidiary admin',
  productops: 'ProductOps',
  po: 'Product owner',
  vb: 'Venture builder',
  builder: 'Builder',
  it: 'IT owner',
  viewer: 'Viewer',
};

export const TOKEN_SCOPE_LABEL: Record<TokenScope, string> = {
  read: 'Read',
  write: 'Write',
  admin: 'Administration',
  builder: 'Builder API',
  events: 'Adoption events',
};

/** `builder` → "Builder API"; an unknown scope (an older token's) is shown as it came. */
export const tokenScopeLabel = (scope: string): string =>
  (TOKEN_SCOPES as readonly string[]).includes(scope) ? TOKEN_SCOPE_LABEL[scope as TokenScope] : scope;

/** `vb` → "Venture builder"; an unknown role is shown as it came. */
export const roleLabel = (role: string): string => (isRole(role) ? ROLE_LABEL[role] : role);

/** A role in a subsidiary, `EDC:vb` → "EDC · Venture builder". */
export const membershipLabel = (subsidiary: string, role: string): string => `${subsidiary} · ${roleLabel(role)}`;

/** Options for role pickers: the role id as value, its label shown. */
export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Words for every action a module declares (core's AUDIT_ACTIONS): a new action without words does not compile. */
const ACTION_LABEL: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed to sign in',
  'auth.locked': 'Account locked',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed password',
  'auth.recovery_code_used': 'Used a recovery code',
  'auth.recovery_codes_regenerated': 'Regenerated recovery codes',
  'auth.totp_enabled': 'Turned on two-step sign-in',
  'auth.totp_disabled': 'Turned off two-step sign-in',
  'auth.totp_failed': 'Entered a wrong two-step code',
  'auth.totp_reset': 'Reset two-step sign-in',
  'document.created': 'Created document',
  'document.imported': 'Imported document',
  'document.version_saved': 'Saved document version',
  'document.baseline_set': 'Set document baseline',
  'gate.submitted': 'Submitted to the gate',
  'gate.decided': 'Decided gate review',
  'gate.condition_added': 'Added gate condition',
  'gate.condition_updated': 'Updated gate condition',
  'gate.criterion_overridden': 'Overrode criterion score',
  'gate.override_removed': 'Removed score override',
  'gate.finding_waived': 'Waived finding',
  'gate.waiver_removed': 'Removed waiver',
  'golden.added': 'Added golden example',
  'golden.removed': 'Removed golden example',
  'naming.updated': 'Changed naming convention',
  'product.created': 'Created product',
  'product.updated': 'Updated product',
  'product.stage_changed': 'Changed product stage',
  'product.stage_forced': 'Forced product stage',
  'rubric.created': 'Created rubric version',
  'rubric.activated': 'Activated rubric version',
  'requirements.synced': 'Synced requirements from the PRD',
  'story.created': 'Created story',
  'story.updated': 'Changed story',
  'story.deleted': 'Deleted story',
  'stories.generated': 'Generated draft stories',
  'sprint.created': 'Created sprint',
  'sprint.started': 'Started sprint',
  'sprint.ended': 'Ended sprint',
  'change_request.raised': 'Raised change request',
  'change_request.approved': 'Approved change request',
  'change_request.rejected': 'Rejected change request',
  'stories.imported': 'Imported story statuses from Jira',
  'stories.bulk_updated': 'Changed stories in bulk',
  'sprint.clarification_asked': 'Asked a clarification in a sprint',
  'sprint.clarification_answered': 'Answered a sprint clarification',
  'feedback.submitted': 'Submitted feedback',
  'feedback.imported': 'Imported feedback from a chat export',
  'feedback.triaged': 'Triaged feedback',
  'feedback.marked_distinct': 'Marked two feedback items as not duplicates',
  'uat.session_created': 'Planned a UAT session',
  'uat.session_updated': 'Changed a UAT session',
  'uat.session_started': 'Started a UAT session',
  'uat.session_closed': 'Closed a UAT session',
  'uat.cases_generated': 'Generated UAT test cases',
  'uat.case_added': 'Added a UAT test case',
  'uat.case_run': 'Recorded a UAT test result',
  'uat.screenshot_added': 'Attached a UAT screenshot',
  'uat.defect_raised': 'Raised a defect from a failed case',
  'uat.defect_retested': 'Retested a defect',
  'uat.guest_link_created': 'Created a guest tester link',
  'uat.guest_link_revoked': 'Revoked a guest tester link',
  'signoff.recorded': 'Recorded a UAT sign-off',
  'signoff.evidence_added': 'Attached sign-off evidence',
  'handover.pack_uploaded': 'Uploaded a handover pack',
  'handover.package_created': 'Created a handover package',
  'handover.item_updated': 'Updated a handover checklist item',
  'handover.artifact_saved': 'Saved a handover artifact',
  'handover.review_recorded': 'Recorded a handover review',
  'handover.gap_reported': 'Logged a post-handover gap',
  'handover.ownership_confirmed': 'Confirmed post-handover ownership',
  'handover.template_created': 'Saved a handover checklist template',
  'handover.evidence_added': 'Attached a handover evidence file',
  'handover.evidence_removed': 'Removed a handover evidence file',
  'handover.els_changed': 'Changed early-life support',
  'adoption.tracking_plan_saved': 'Saved a tracking plan',
  'settings.sign_in_changed': 'Changed sign-in settings',
  'settings.sso_changed': 'Changed single sign-on',
  'subsidiary.created': 'Created subsidiary',
  'subsidiary.renamed': 'Renamed subsidiary',
  'subsidiary.gate_rule_changed': 'Changed four-eyes rule',
  'taxonomy.created': 'Added taxonomy term',
  'taxonomy.updated': 'Updated taxonomy term',
  'taxonomy.archived': 'Archived taxonomy term',
  'template.created': 'Created template',
  'template.version_saved': 'Saved template version',
  'token.created': 'Created API token',
  'token.revoked': 'Revoked API token',
  'user.created': 'Created user',
  'user.updated': 'Updated user',
  'user.disabled': 'Disabled user',
  'user.enabled': 'Enabled user',
  'user.memberships_set': 'Changed roles',
  'user.memberships_synced': 'Roles set by single sign-on',
};

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * `product.stage_changed` → "Changed product stage". An action no module declares (an older event's) still reads as
 * words: `thing.verb_rest` → "Verb rest thing" (`product.renamed` → "Renamed product").
 */
export function actionLabel(action: string): string {
  if (isAuditAction(action)) return ACTION_LABEL[action];
  const dot = action.indexOf('.');
  if (dot < 1) return action;
  const thing = action.slice(0, dot).replace(/_/g, ' ');
  const verb = action.slice(dot + 1).replace(/[_.]/g, ' ');
  return sentence(`${verb} ${thing}`);
}

/** A gate rule's summary, `metrics.no-timeframe` → "A metric has no timeframe"; unknown ids stay as they are. */
const PACK_RULE_LABEL = new Map(PACK_RULES.map((r) => [r.id, r.summary]));

export const ruleLabel = (rule: string): string =>
  RULES.get(rule)?.summary ?? DOCUMENT_RULES[rule] ?? PACK_RULE_LABEL.get(rule) ?? rule;

/**
 * A rubric criterion's title, from the criteria at hand (a review's or a rubric's) or else the built-in rubric:
 * `metrics` → "Goals and success metrics".
 */
export function criterionLabel(id: string, criteria: readonly { id: string; name: string }[] = []): string {
  if (id === DOCUMENT_CRITERION.id) return DOCUMENT_CRITERION.name;
  return criteria.find((c) => c.id === id)?.name ?? DEFAULT_RUBRIC.criteria.find((c) => c.id === id)?.name ?? id;
}
