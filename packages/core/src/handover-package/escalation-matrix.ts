// Escalation matrix (checklist SUP-2, research/handover.md §3): per severity, who is paged at each step, their
// backup, how fast they must acknowledge and when it moves on. Checks, criterion `escalation`:
// every SEV1–SEV4 present with ≥ 2 steps; every step has a primary and a different backup; acknowledge targets
// ordered by severity (SEV1 fastest); escalate-after ≤ the acknowledge target; coverage hours carry a time zone;
// SEV1/SEV2 covered 24×7 when the SLO says so; people found and active in the directory (when one is given).
import { rules } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { artifactFinding } from './findings.ts';
import {
  type CoverageHours,
  type Directory,
  type Duration,
  hoursProblem,
  identityOf,
  isDuration,
  minutesOf,
  type PersonRef,
  personLabel,
} from './support-terms.ts';
import { cleanText, listOf } from './text.ts';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];

export type EscalationStep = {
  role: string;
  primary: PersonRef | null;
  backup: PersonRef | null;
  channels: readonly string[];
  /** Unacknowledged this long → the next step is paged. */
  escalateAfter: Duration;
};

export type SeverityPath = {
  severity: IncidentSeverity;
  acknowledge: Duration;
  updateEvery?: Duration | null;
  restore?: Duration | null;
  coverage: CoverageHours;
  steps: readonly EscalationStep[];
  /** Told, not paged (exec, comms, customer liaison). */
  notify?: readonly string[];
};

export type EscalationMatrix = { severities: readonly SeverityPath[] };

export type EscalationOptions = { directory?: Directory; requires24x7?: boolean };

export const ESCALATION_CRITERION = 'escalation';

export const ESCALATION_RULES = rules('escalation', {
  'missing-severity': ['blocker', 'A severity has no escalation path'],
  'duplicate-severity': ['major', 'A severity is listed twice'],
  'too-few-steps': ['major', 'A severity path has fewer than two steps'],
  'no-primary': ['blocker', 'A step names nobody'],
  'no-backup': ['major', 'A step has no backup'],
  'own-backup': ['major', 'Somebody is their own backup'],
  'bad-target': ['major', 'A target is not a number with a unit'],
  'targets-out-of-order': ['major', 'A less severe level must be acknowledged faster than a more severe one'],
  'escalates-too-late': ['minor', 'A step escalates after the acknowledge target has passed'],
  'no-timezone': ['major', 'Coverage hours without a time zone'],
  'bad-hours': ['major', 'Coverage hours that cannot be read'],
  'not-24x7': ['major', 'SEV1/SEV2 not covered around the clock'],
  'unknown-person': ['major', 'A person the directory does not know'],
  'inactive-person': ['major', 'A person who has left or is deactivated'],
});
const R = ESCALATION_RULES;
type Rule = (typeof R)[keyof typeof R];

export function checkEscalationMatrix(matrix: EscalationMatrix, options: EscalationOptions = {}): Finding[] {
  const out: Finding[] = [];
  const add = (rule: Rule, path: string[], message: string, fix: string, excerpt = '') =>
    out.push(artifactFinding(ESCALATION_CRITERION, rule, ['Escalation matrix', ...path], message, fix, excerpt));
  const paths = listOf(matrix?.severities);
  const bySeverity = new Map<IncidentSeverity, SeverityPath>();
  for (const path of paths) {
    const sev = path?.severity;
    if (!(SEVERITIES as readonly unknown[]).includes(sev)) continue;
    if (bySeverity.has(sev))
      add(R['duplicate-severity'], [sev], `${sev} is listed twice; the first counts.`, 'Merge them.');
    else bySeverity.set(sev, path);
  }
  let previous: { sev: IncidentSeverity; minutes: number } | null = null;
  for (const sev of SEVERITIES) {
    const path = bySeverity.get(sev);
    if (!path) {
      add(
        R['missing-severity'],
        [sev],
        `No escalation path for ${sev}.`,
        `Add ${sev}: steps, people, backups, targets.`,
      );
      continue;
    }
    const ack = isDuration(path.acknowledge) ? path.acknowledge : null;
    if (!ack) add(R['bad-target'], [sev, 'acknowledge'], `${sev} has no acknowledge target.`, 'E.g. 20 min.');
    else if (previous && minutesOf(ack) < previous.minutes)
      add(
        R['targets-out-of-order'],
        [sev, 'acknowledge'],
        `${sev} must be acknowledged faster than ${previous.sev}.`,
        'Order the targets: SEV1 fastest, SEV4 slowest.',
      );
    if (ack) previous = { sev, minutes: minutesOf(ack) };
    const hours = hoursProblem(path.coverage);
    if (hours) add(R[hours.rule], [sev, 'coverage'], `${sev}: ${hours.message}.`, 'E.g. 24x7 Europe/Berlin.');
    else if ((options.requires24x7 ?? true) && (sev === 'SEV1' || sev === 'SEV2') && path.coverage.days !== '24x7')
      add(
        R['not-24x7'],
        [sev, 'coverage'],
        `${sev} is covered ${path.coverage.days} only.`,
        'Cover SEV1/SEV2 24×7, or record that the SLO does not require it.',
      );
    const steps = listOf(path.steps);
    if (steps.length < 2)
      add(
        R['too-few-steps'],
        [sev],
        `${sev} has ${steps.length} step${steps.length === 1 ? '' : 's'}.`,
        'Add a second step (team lead or IT owner) for when the first does not answer.',
      );
    for (const [i, step] of steps.entries()) checkStep(step, [sev, `step ${i + 1}`], ack, options.directory, add);
  }
  return out;
}

type Add = (rule: Rule, path: string[], message: string, fix: string, excerpt?: string) => void;

function checkStep(
  step: EscalationStep,
  at: string[],
  ack: Duration | null,
  directory: Directory | undefined,
  add: Add,
) {
  const where = at.join(' ');
  const primary = identityOf(step?.primary);
  const backup = identityOf(step?.backup);
  if (primary === '')
    add(R['no-primary'], [...at, 'primary'], `${where} names nobody.`, 'Name a person from the directory.');
  if (backup === '')
    add(R['no-backup'], [...at, 'backup'], `${where} has no backup.`, 'Name a different person as backup.');
  else if (backup === primary)
    add(
      R['own-backup'],
      [...at, 'backup'],
      `${personLabel(step.primary)} is their own backup in ${where}.`,
      'Name a different person as backup.',
      personLabel(step.primary),
    );
  if (!isDuration(step?.escalateAfter))
    add(
      R['bad-target'],
      [...at, 'escalate after'],
      `${where} does not say when it escalates.`,
      'E.g. 5 min (PagerDuty default).',
    );
  else if (ack && minutesOf(step.escalateAfter) > minutesOf(ack))
    add(
      R['escalates-too-late'],
      [...at, 'escalate after'],
      `${where} escalates after the acknowledge target.`,
      'Escalate before the target passes.',
    );
  if (!directory) return;
  for (const [role, person] of [
    ['primary', step?.primary],
    ['backup', step?.backup],
  ] as const) {
    if (identityOf(person) === '' || !person) continue;
    const found = directory(person);
    const label = personLabel(person);
    if (found === 'unknown')
      add(
        R['unknown-person'],
        [...at, role],
        `${cleanText(label, 80)} is not in the directory.`,
        'Pick the person from the directory.',
        label,
      );
    if (found === 'inactive')
      add(
        R['inactive-person'],
        [...at, role],
        `${cleanText(label, 80)} is deactivated.`,
        'Name someone who is still here.',
        label,
      );
  }
}
