// Every pack check's stable rule id (`pack.<check>.<rule>`), default severity and human label. The ids are public:
// the CLI's JSON, docs/handover-packs.md and stored reports quote them, so a rule is renamed only with a new id.
import { type Anchor, finding, type RuleInfo, rules } from '../gate/checks/kit.ts';
import type { Finding, Severity } from '../gate/types.ts';

export const DOCUMENT_RULES = rules('pack.document', {
  not_a_pack: ['blocker', 'Not a pack: empty, binary or without prose'],
  too_large: ['blocker', 'Pack too large to validate'],
});

export const KIND_RULES = rules('pack.kind', {
  mismatch: ['blocker', 'The pack is of another kind than the one validated'],
});

export const COMPLETENESS_RULES = rules('pack.completeness', {
  missing_section: ['major', 'Required section missing'],
  empty_section: ['major', 'Required section has no content'],
  missing_recommended: ['info', 'Recommended section missing'],
});

export const RELEASE_RULES = rules('pack.release', {
  date_format: ['minor', 'Release date is not YYYY-MM-DD'],
  unreleased: ['minor', '"Unreleased" section in published release notes'],
});

export const FORMAT_RULES = rules('pack.format', {
  heading_skip: ['minor', 'Heading level skipped'],
  empty_section: ['minor', 'Empty section'],
  table_columns: ['major', 'Table row with the wrong number of cells'],
  table_separator: ['minor', 'Table without its separator row'],
  list_numbering: ['minor', 'Numbered list out of sequence'],
  empty_list_item: ['minor', 'Empty list item'],
  dead_anchor: ['minor', 'Internal link to a heading that does not exist'],
  unclosed_fence: ['major', 'Code block never closed'],
});

export const AI_RULES = rules('pack.ai', {
  chatter: ['blocker', 'Chatbot chatter left in the pack'],
  chat_artifact: ['blocker', 'Chat-interface citation artefact'],
  template_placeholder: ['major', 'Unfilled template placeholder'],
  lorem_ipsum: ['major', 'Lorem ipsum filler text'],
  open_placeholder: ['minor', 'TBD / TODO left open'],
  example_host: ['major', 'Reserved example host instead of a real one'],
  placeholder_email: ['major', 'Placeholder e-mail address'],
  placeholder_phone: ['minor', 'Fictional 555 phone number'],
});

export const SECRET_RULES = rules('pack.secret', {
  aws_access_key: ['blocker', 'AWS access key id'],
  aws_secret_key: ['blocker', 'AWS secret access key'],
  gcp_api_key: ['blocker', 'Google API key'],
  gcp_oauth_secret: ['blocker', 'Google OAuth client secret'],
  azure_storage_key: ['blocker', 'Azure storage account key'],
  github_token: ['blocker', 'GitHub token'],
  slack_token: ['blocker', 'Slack token'],
  slack_webhook: ['blocker', 'Slack incoming-webhook URL'],
  stripe_secret: ['blocker', 'Stripe secret key'],
  private_key: ['blocker', 'Private key block'],
  password_in_url: ['blocker', 'Password in a URL'],
  jwt: ['blocker', 'JSON Web Token'],
  generic_assignment: ['blocker', 'Password or API key assigned a real-looking value'],
});

export const OWASP_RULES = rules('pack.owasp', {
  missing_category: ['major', 'OWASP Top 10 (2021) category not addressed'],
  na_without_reason: ['minor', 'OWASP category marked not applicable without a reason'],
  wrong_name: ['minor', 'OWASP id with the wrong category name'],
  unknown_id: ['minor', 'OWASP Top 10 id that does not exist'],
});

export const CONSISTENCY_RULES = rules('pack.consistency', {
  product_not_named: ['major', 'The pack never names the product'],
  product_name: ['major', 'Product name spelt differently from the product record'],
  product_code: ['major', 'Product code differs from the product record'],
  version: ['major', 'Version differs from the release under handover'],
  owner: ['minor', 'Contact that is not in the product record'],
  url: ['major', 'Product URL that is not in the product record'],
  environment: ['minor', 'Environment that is not in the product record'],
});

/** The gate's clarity rules, under the pack's names (the check itself is the gate's, see clarity.ts). */
export const CLARITY_RULES = rules('pack.clarity', {
  vague: ['minor', 'Vague or subjective term'],
  loophole: ['minor', 'Escape clause'],
  'open-ended': ['minor', 'Open-ended list or term'],
  density: ['major', 'Ambiguous wording is dense'],
});

const ALL = [
  DOCUMENT_RULES,
  KIND_RULES,
  COMPLETENESS_RULES,
  RELEASE_RULES,
  FORMAT_RULES,
  AI_RULES,
  SECRET_RULES,
  OWASP_RULES,
  CONSISTENCY_RULES,
  CLARITY_RULES,
];

/** Every pack rule, for docs, the UI's legend and the tests that hold the ids stable. */
export const PACK_RULES: readonly RuleInfo[] = ALL.flatMap((group) => Object.values(group) as RuleInfo[]);

/** `pack.format.dead_anchor` → `pack.format`: the criterion a finding counts towards. */
export function criterionOf(ruleId: string): string {
  return ruleId.slice(0, ruleId.lastIndexOf('.'));
}

/** A finding in the gate's shape; the criterion is the rule's check (`pack.format`). */
export function packFinding(
  rule: RuleInfo,
  anchor: Anchor,
  message: string,
  fix: string,
  severity?: Severity,
): Finding {
  return { criterion: criterionOf(rule.id), ...finding(rule, anchor, message, fix, severity) };
}
