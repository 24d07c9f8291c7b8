// What every check module is made of: its rules (stable ids, default severities), a params schema with
// defaults, and a pure run(context, params) → score 0..1 and findings.
import type { z } from 'zod';
import type { DocModel, Section } from '../../markdown/model.ts';
import { excerptOf, locate } from '../../markdown/text.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import type { CompiledLexicon } from '../lexicon-compile.ts';
import type { Finding, Severity } from '../types.ts';

export type CheckContext = { doc: DocModel; facts: DocFacts; lexicon: CompiledLexicon };
export type RawFinding = Omit<Finding, 'criterion'>;
export type CheckResult = { score: number; findings: RawFinding[] };
export type RuleInfo = { id: string; severity: Severity; summary: string };

export type Check = {
  id: string;
  rules: readonly RuleInfo[];
  params: z.ZodType;
  run(ctx: CheckContext, params: unknown): CheckResult;
};

export function defineCheck<S extends z.ZodType>(def: {
  id: string;
  rules: Record<string, RuleInfo>;
  params: S;
  run(ctx: CheckContext, params: z.output<S>): CheckResult;
}): Check {
  return {
    id: def.id,
    rules: Object.values(def.rules),
    params: def.params,
    run: (ctx, params) => {
      const result = def.run(ctx, params as z.output<S>);
      return { score: clamp01(result.score), findings: result.findings };
    },
  };
}

/** `rules('metrics', { 'no-timeframe': ['major', '…'] })` → rule infos with ids `metrics.no-timeframe`. */
export function rules<const T extends Record<string, readonly [Severity, string]>>(
  check: string,
  defs: T,
): { [K in keyof T]: RuleInfo } {
  const out = {} as { [K in keyof T]: RuleInfo };
  for (const key of Object.keys(defs) as (keyof T & string)[]) {
    const [severity, summary] = defs[key] as readonly [Severity, string];
    out[key] = { id: `${check}.${key}`, severity, summary };
  }
  return out;
}

/** Where a finding points: a position, its section and the text to excerpt. */
export type Anchor = { line: number; column: number; section: Section | null; text: string };

export function anchorOf(unit: Pick<TextUnit, 'line' | 'column' | 'section' | 'text'>): Anchor {
  return { line: unit.line, column: unit.column, section: unit.section, text: unit.text };
}

/** An anchor at a word inside a unit (line and column of the hit itself). */
export function anchorAt(doc: DocModel, unit: TextUnit, offset: number, length: number): Anchor {
  const pos = unit.kind === 'cell' || unit.kind === 'code' ? unit : locate(doc.lines, unit, offset);
  const from = Math.max(0, offset - 40);
  const snippet = unit.text.slice(from, offset + length + 60);
  return { line: pos.line, column: pos.column, section: unit.section, text: (from > 0 ? '…' : '') + snippet };
}

export function sectionAnchor(section: Section): Anchor {
  return { line: section.line, column: section.column, section, text: section.title };
}

/** For "missing" findings: the top of the document (after front matter when there is one). */
export function documentAnchor(doc: DocModel): Anchor {
  const first = doc.sections[1];
  return first
    ? { line: first.line, column: first.column, section: first, text: first.title }
    : { line: 1, column: 1, section: doc.root, text: doc.lines[0] ?? '' };
}

export function finding(rule: RuleInfo, anchor: Anchor, message: string, fix: string, severity?: Severity): RawFinding {
  return {
    rule: rule.id,
    severity: severity ?? rule.severity,
    line: anchor.line,
    column: anchor.column,
    section: anchor.section?.path ?? '',
    excerpt: excerptOf(anchor.text),
    message,
    fix,
  };
}

/** 0..1, rounded to 6 decimals so 0.3 + 0.35 + 0.35 is exactly 1. */
export function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.round(Math.min(1, Math.max(0, n)) * 1e6) / 1e6 : 0;
}

export function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Quote a requirement/section for messages, short enough to read. */
export function quote(text: string, max = 60): string {
  return `"${excerptOf(text, max)}"`;
}
