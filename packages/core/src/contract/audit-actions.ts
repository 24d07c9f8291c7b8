// The audit actions, by the module that declares them (its manifest lists them: server/src/modules/<m>/module.ts).
// `AuditAction` is derived from this list: the server's `writeAudit` takes only these, and the web holds a label for
// each, so an undeclared action, a typo or an action without words does not compile. A module may write another's
// action (the gate moves a product's stage); each action is declared once. The audit API still answers any stored
// action as a string, so events written before an action was renamed keep reading.

export const AUDIT_ACTIONS = {
  auth: [
    'auth.login',
    'auth.login_failed',
    'auth.locked',
    'auth.logout',
    'auth.password_changed',
    'auth.recovery_code_used',
    'auth.recovery_codes_regenerated',
    'auth.totp_enabled',
    'auth.totp_disabled',
    'auth.totp_failed',
    'auth.totp_reset',
    'settings.sign_in_changed',
    'settings.sso_changed',
    'token.created',
    'token.revoked',
    'user.memberships_synced',
  ],
  workspace: [
    'naming.updated',
    'product.created',
    'product.updated',
    'product.stage_changed',
    'product.stage_forced',
    'subsidiary.created',
    'subsidiary.renamed',
    'subsidiary.gate_rule_changed',
    'taxonomy.created',
    'taxonomy.updated',
    'taxonomy.archived',
    'user.created',
    'user.updated',
    'user.disabled',
    'user.enabled',
    'user.memberships_set',
  ],
  audit: [],
  documents: [
    'document.created',
    'document.imported',
    'document.version_saved',
    'template.created',
    'template.version_saved',
  ],
  search: [],
  gate: [
    'document.baseline_set',
    'gate.submitted',
    'gate.decided',
    'gate.condition_added',
    'gate.condition_updated',
    'gate.criterion_overridden',
    'gate.override_removed',
    'gate.finding_waived',
    'gate.waiver_removed',
    'golden.added',
    'golden.removed',
    'rubric.created',
    'rubric.activated',
  ],
  backlog: [
    'requirements.synced',
    'story.created',
    'story.updated',
    'story.deleted',
    'stories.generated',
    'sprint.created',
    'sprint.started',
    'sprint.ended',
    'change_request.raised',
    'change_request.approved',
    'change_request.rejected',
    'stories.imported',
    'stories.bulk_updated',
    'sprint.clarification_asked',
    'sprint.clarification_answered',
  ],
  feedback: ['feedback.submitted', 'feedback.imported', 'feedback.triaged', 'feedback.marked_distinct'],
  uat: [
    'uat.session_created',
    'uat.session_updated',
    'uat.session_started',
    'uat.session_closed',
    'uat.cases_generated',
    'uat.case_added',
    'uat.case_run',
    'uat.screenshot_added',
    'uat.defect_raised',
    'uat.defect_retested',
    'uat.guest_link_created',
    'uat.guest_link_revoked',
  ],
  signoff: ['signoff.recorded', 'signoff.evidence_added'],
  handover: [
    'handover.pack_uploaded',
    'handover.package_created',
    'handover.item_updated',
    'handover.artifact_saved',
    'handover.review_recorded',
    'handover.gap_reported',
    'handover.ownership_confirmed',
    'handover.template_created',
  ],
} as const satisfies Record<string, readonly `${string}.${string}`[]>;

export type AuditActionsOf<M extends keyof typeof AUDIT_ACTIONS> = (typeof AUDIT_ACTIONS)[M][number];
export type AuditAction = AuditActionsOf<keyof typeof AUDIT_ACTIONS>;

const KNOWN: ReadonlySet<string> = new Set(Object.values(AUDIT_ACTIONS).flat());

/** Whether a stored action is one a module declares (older events may hold one that is no longer written). */
export const isAuditAction = (action: string): action is AuditAction => KNOWN.has(action);
