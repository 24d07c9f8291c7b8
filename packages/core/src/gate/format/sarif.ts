// SARIF 2.1.0 for code-review annotations: one rule per check rule of the rubric, one result per finding with
// its physical location (file, start line, start column).
import { CHECKS } from '../checks/registry.ts';
import type { Rubric } from '../rubric.ts';
import type { Severity } from '../types.ts';
import type { GateRun } from './run.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  blocker: 'error',
  major: 'error',
  minor: 'warning',
  info: 'note',
};

export type SarifTool = { name: string; version: string; informationUri?: string };

export function toSarif(run: GateRun, rubric: Rubric, tool: SarifTool): Record<string, unknown> {
  const rules: Record<string, unknown>[] = [];
  const index = new Map<string, number>();
  const blockers = new Set(rubric.blockers);
  for (const criterion of rubric.criteria) {
    for (const rule of CHECKS.get(criterion.check)?.rules ?? []) {
      if (index.has(rule.id)) continue;
      index.set(rule.id, rules.length);
      const severity: Severity = blockers.has(rule.id) ? 'blocker' : (criterion.severities[rule.id] ?? rule.severity);
      rules.push({
        id: rule.id,
        name: rule.id.replace(/[.-](\w)/g, (_m, c: string) => c.toUpperCase()),
        shortDescription: { text: rule.summary },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: {
          criterion: criterion.id,
          criterionName: criterion.name,
          weight: criterion.weight,
          severity,
          tags: ['prd-gate', criterion.id],
        },
      });
    }
  }
  const results = run.results.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.message} Fix: ${f.fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(file.file) },
            region: { startLine: f.line, startColumn: f.column, snippet: { text: f.excerpt } },
          },
          ...(f.section ? { logicalLocations: [{ name: f.section, kind: 'section' }] } : {}),
        },
      ],
      properties: { criterion: f.criterion, severity: f.severity, section: f.section },
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        results,
        properties: {
          rubric: { id: rubric.id, version: rubric.version },
          files: run.results.map((r) => ({ file: toUri(r.file), score: r.score, verdict: r.verdict })),
          summary: run.summary,
        },
      },
    ],
  };
}

/** SARIF wants URI references: forward slashes, spaces and other reserved characters percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}
