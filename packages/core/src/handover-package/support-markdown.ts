// Markdown for the support flow, escalation matrix and ownership artifacts: what the package export and the review
// show. Tables escape every user-typed value (text.ts), so a pipe or a line break in a name cannot break a row.
import type { EscalationMatrix } from './escalation-matrix.ts';
import { SEVERITIES } from './escalation-matrix.ts';
import { OWNERSHIP_ROLE_LABELS, OWNERSHIP_ROLES, type Ownership } from './ownership.ts';
import { SUPPORT_LEVELS, type SupportFlow } from './support-flow.ts';
import { formatDuration, formatHours, personLabel } from './support-terms.ts';
import { cleanText, listOf, mdInline, mdTable } from './text.ts';

export function supportFlowMarkdown(flow: SupportFlow): string {
  const tiers = [...listOf(flow?.tiers)].sort(
    (a, b) => SUPPORT_LEVELS.indexOf(a?.level) - SUPPORT_LEVELS.indexOf(b?.level),
  );
  const rows = tiers.map((t) => [
    t?.level,
    t?.ownerGroup,
    listOf(t?.channels)
      .map((c) => `${cleanText(c?.kind, 20)}: ${cleanText(c?.address, 200)}`)
      .join('; '),
    formatHours(t?.hours),
    formatDuration(t?.responseTarget),
    t?.handOff,
  ]);
  const table =
    rows.length > 0
      ? mdTable(['Tier', 'Owner group', 'Channels', 'Hours', 'Response target', 'Hands on when'], rows)
      : ['No tiers defined yet.'];
  return ['## Support flow', '', ...table, ''].join('\n');
}

export function escalationMatrixMarkdown(matrix: EscalationMatrix): string {
  const out = ['## Escalation matrix', ''];
  const paths = listOf(matrix?.severities);
  for (const sev of SEVERITIES) {
    const path = paths.find((p) => p?.severity === sev);
    out.push(`### ${sev}`, '');
    if (!path) {
      out.push('No escalation path defined.', '');
      continue;
    }
    const targets = [
      `acknowledge within ${formatDuration(path.acknowledge) || '?'}`,
      path.updateEvery ? `updates every ${formatDuration(path.updateEvery)}` : '',
      path.restore ? `restore within ${formatDuration(path.restore)}` : '',
      `coverage ${formatHours(path.coverage) || '?'}`,
    ].filter(Boolean);
    out.push(`${mdInline(targets.join(', '))}.`, '');
    const steps = listOf(path.steps);
    out.push(
      ...mdTable(
        ['Step', 'Role', 'Primary', 'Backup', 'Channels', 'Escalate after'],
        steps.map((s, i) => [
          String(i + 1),
          s?.role,
          personLabel(s?.primary),
          personLabel(s?.backup),
          listOf(s?.channels)
            .map((c) => cleanText(c, 100))
            .join(', '),
          formatDuration(s?.escalateAfter),
        ]),
      ),
      '',
    );
    const notify = listOf(path.notify)
      .map((n) => cleanText(n, 100))
      .filter(Boolean);
    if (notify.length > 0) out.push(`Notify: ${mdInline(notify.join(', '))}.`, '');
  }
  return out.join('\n');
}

export function ownershipMarkdown(ownership: Ownership): string {
  const rows = OWNERSHIP_ROLES.map((role) => [OWNERSHIP_ROLE_LABELS[role], personLabel(ownership?.[role])]);
  return ['## Ownership', '', ...mdTable(['Role', 'Who'], rows), ''].join('\n');
}
