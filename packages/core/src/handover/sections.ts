// Required and recommended sections per pack kind (../shared/research/handover.md §2 and §4), as data. Headings
// match by synonyms after the gate's heading normalisation ("2.3 Deploy & Rollback:" → "deploy & rollback"); a
// synonym ending in `*` matches any word it starts ("deploy*" → deployment, deploying).
import type { PackKind } from './types.ts';

export type PackSection = { id: string; label: string; required: boolean; synonyms: readonly string[] };

/** `synonyms` is one string, `|`-separated, so each section stays a line or two. */
const s = (id: string, label: string, required: boolean, synonyms: string): PackSection => ({
  id,
  label,
  required,
  synonyms: synonyms ? synonyms.split('|') : [],
});

export const PACK_SECTIONS: Readonly<Record<PackKind, readonly PackSection[]>> = {
  qa: [
    s(
      'identification',
      'Identification (product, release, test items, period, environments)',
      true,
      'identification|introduction|overview|scope|test items|test objects|purpose|document control|release information|project information|document information',
    ),
    s(
      'summary',
      'Summary of testing performed',
      true,
      'summary|testing performed|test approach|test strategy|test execution|test activities|test levels|test types|testing approach|executive summary',
    ),
    s(
      'exit-criteria',
      'Evaluation against exit criteria / DoD',
      true,
      'exit criteria|entry and exit criteria|completion criteria|definition of done|evaluation|acceptance criteria|quality gates|release criteria',
    ),
    s(
      'metrics',
      'Metrics (planned, executed, passed, failed, blocked; coverage)',
      true,
      'metric*|results|test results|coverage|execution summary|execution status|statistics|traceability',
    ),
    s(
      'defects',
      'Defects (open by severity, deferred with rationale)',
      true,
      'defect*|bugs|issues found|open issues|incidents|known issues',
    ),
    s(
      'deviations',
      'Deviations, impediments and workarounds',
      false,
      'deviation*|impediment*|workaround*|blockers|constraints',
    ),
    s(
      'risks',
      'Residual risks and known limitations',
      true,
      'risk*|limitation*|known limitations|residual risk*|assumptions',
    ),
    s(
      'recommendation',
      'Recommendation and approvals',
      true,
      'recommendation*|approval*|sign off|signoff|sign-off|go no go|go/no-go|conclusion*|release decision',
    ),
    s('lessons', 'Lessons learned', false, 'lessons learned|lessons|retrospective|improvements'),
  ],
  security: [
    s(
      'scope',
      'Scope and data classification',
      true,
      'scope|data classification|overview|introduction|system description|assets|in scope',
    ),
    s('threat-model', 'Threat model summary', true, 'threat*|attack surface|trust boundar*|stride|attack*|adversar*'),
    s('owasp', 'OWASP Top 10 (2021) coverage', true, 'owasp|top 10|top ten|asvs'),
    s(
      'scanning',
      'Dependency (SCA) and secret scanning',
      true,
      'dependency scan*|dependencies|sca|secret scan*|scanning|vulnerability scan*|vulnerable components|supply chain|software composition',
    ),
    s('sast-dast', 'SAST / DAST', false, 'sast|dast|static analysis|dynamic analysis|code scanning'),
    s('pen-test', 'Penetration test summary', false, 'pen test*|pentest*|penetration test*|audit*'),
    s(
      'data-protection',
      'Data protection',
      true,
      'data protection|privacy|encryption|personal data|pii|data handling|gdpr|data security|cryptograph*',
    ),
    s(
      'auth',
      'Authentication, authorisation and secrets management',
      true,
      'authentication|authori*|access control|secrets|secret management|identity|sso|login|credentials|permissions',
    ),
    s(
      'risks',
      'Open risks with acceptance',
      true,
      'risk*|residual risk*|open issues|open findings|findings|known issues|limitations|accepted risk*',
    ),
    s(
      'reporting',
      'How to report a vulnerability',
      false,
      'reporting|report a vulnerability|reporting a vulnerability|disclosure|contact|security contact',
    ),
  ],
  runbook: [
    s(
      'metadata',
      'Metadata (owner, version, last reviewed)',
      false,
      'metadata|document control|document information|revision history|change log|about this runbook',
    ),
    s(
      'overview',
      'Service overview',
      true,
      'overview|service overview|description|about|introduction|summary|purpose|what it does|service description',
    ),
    s(
      'architecture',
      'Architecture and dependencies',
      true,
      'architecture|dependenc*|components|design|system diagram|upstream|downstream|third part*|integrations',
    ),
    s(
      'environments',
      'Environments and access',
      true,
      'environment*|access|hosts|infrastructure|hosting|servers|endpoints|urls',
    ),
    s(
      'deploy',
      'Deploy and rollback',
      true,
      'deploy*|release*|rollback|roll back|rolling back|upgrade*|installation|install*',
    ),
    s(
      'configuration',
      'Configuration and where secrets live',
      true,
      'config*|secrets|settings|feature flags|environment variables|credentials',
    ),
    s(
      'monitoring',
      'Monitoring and alerts',
      true,
      'monitoring|alert*|dashboard*|metrics|observability|logging|logs|health check*|telemetry',
    ),
    s(
      'operations',
      'Routine operations',
      false,
      'operation*|routine|maintenance|procedure*|restart*|scaling|scheduled jobs|tasks|how to|playbook*|common tasks',
    ),
    s(
      'troubleshooting',
      'Known issues and troubleshooting',
      true,
      'troubleshoot*|known issues|common issues|faq|problems|incident*|failure*|diagnos*|debugging|recovery|errors',
    ),
    s(
      'backup',
      'Backup, restore and disaster recovery',
      false,
      'backup*|restore|disaster recovery|dr|business continuity|data recovery',
    ),
    s('security-ops', 'Security operations', false, 'security|patching|vulnerabilit*|access review*'),
    s(
      'contacts',
      'Contacts and escalation',
      true,
      'contact*|escalation*|on call|on-call|oncall|owner*|support|team|who to call',
    ),
  ],
  'release-notes': [
    s('version', 'Version and date heading', true, ''),
    s(
      'changes',
      'Changes grouped (Added, Changed, Deprecated, Removed, Fixed, Security)',
      true,
      "added|changed|deprecated|removed|fixed|security|features|new features|bug fixes|fixes|improvements|enhancements|changes|what's new|whats new|new",
    ),
    s('summary', 'Summary / highlights', false, 'summary|highlights|overview|release summary'),
    s(
      'breaking',
      'Breaking changes and upgrade steps',
      false,
      'breaking*|upgrade*|migration*|upgrading|backwards incompatible|incompatible changes',
    ),
    s('known-issues', 'Known issues', false, 'known issues|known limitations|known bugs|caveats'),
    s(
      'deployment',
      'Deployment and rollback notes',
      false,
      'deploy*|rollback|roll back|installation|install*|release process',
    ),
  ],
  doc: [
    s(
      'purpose',
      'Purpose and audience',
      true,
      'purpose|audience|introduction|overview|about|what is|who is this for|description|summary',
    ),
    s(
      'prerequisites',
      'Prerequisites and access',
      true,
      'prerequisite*|requirements|access|installation|install*|setup|set up|before you begin|system requirements|dependencies',
    ),
    s(
      'getting-started',
      'Getting started',
      true,
      'getting started|get started|quick start|quickstart|tutorial|first steps|usage|basic usage',
    ),
    s('tasks', 'Task guides', false, 'how to|guide*|tasks|using|working with|examples|walkthrough'),
    s(
      'administration',
      'Administration (configuration, users and roles, integrations)',
      false,
      'administration|admin*|config*|users and roles|roles|permissions|integrations|settings',
    ),
    s(
      'troubleshooting',
      'Troubleshooting / FAQ',
      true,
      'troubleshoot*|faq|frequently asked questions|known issues|common problems|common issues|errors',
    ),
    s(
      'support',
      'Support and contacts',
      true,
      'support|contact*|help|getting help|get help|community|feedback|questions',
    ),
    s(
      'version',
      'Version and last updated',
      false,
      'version*|changelog|change log|last updated|release notes|revision history|history',
    ),
  ],
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One regex per section: any synonym as whole words in a normalised heading. */
export function synonymMatcher(section: PackSection): RegExp | null {
  if (section.synonyms.length === 0) return null;
  const parts = section.synonyms.map((syn) =>
    syn.endsWith('*') ? `${escapeRegex(syn.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegex(syn),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}
