// Owner and document metadata: owner, subsidiary, status, version, a date that parses, approvers — from front
// matter, a key/value table or "Key: value" lines.
import { z } from 'zod';
import type { MetadataEntry } from '../../markdown/model.ts';
import { meaningfulWords } from '../facts/content.ts';
import { findValidDate } from '../patterns.ts';
import { defineCheck, documentAnchor, finding, type RawFinding, rules } from './kit.ts';
import { region } from './region.ts';

const R = rules('metadata', {
  missing: ['major', 'No document metadata'],
  'no-owner': ['major', 'No owner'],
  'missing-fields': ['minor', 'Metadata fields missing'],
  'bad-date': ['minor', 'A date that does not parse'],
});

const FIELDS = {
  // "Project owner", "Document owner", "Tech lead / author": the role word may come after a qualifier.
  owner:
    /^(?:[\w-]+\s+){0,2}(?:owners?|authors?|po|pm|product manager|driver|dri|prepared by|written by|maintainers?)\b/,
  subsidiary: /^(?:subsidiary|business unit|bu|company|entity|organi[sz]ation|opco|venture)\b/,
  status: /^(?:[\w-]+\s+){0,2}(?:status|state|stage)\b/,
  version: /^(?:[\w-]+\s+){0,2}(?:version|revision|v)\b/,
  // "Created by: …" names a person, not a date.
  date: /\b(?:date|updated|created|modified)\b(?!\s+by\b)/,
  approvers: /\b(?:approvers?|approvals?|approved by|reviewers?|sign[- ]?offs?|stakeholders?|decision makers?)\b/,
} as const;
type Field = keyof typeof FIELDS;
// The subsidiary is known from the product a PRD belongs to: written down it earns nothing and is never asked for.
const WEIGHTS: Record<Field, number> = {
  owner: 0.3,
  subsidiary: 0,
  status: 0.175,
  version: 0.175,
  date: 0.175,
  approvers: 0.175,
};

export const metadataCheck = defineCheck({
  id: 'metadata',
  rules: R,
  params: z.strictObject({}),
  run({ doc, facts }) {
    const findings: RawFinding[] = [];
    const present = new Map<Field, MetadataEntry>();
    /** Fields written with a placeholder for a value ("Owner | [PM Name]"): there, but not filled in. */
    const unfilled = new Set<Field>();
    let badDate: MetadataEntry | null = null;
    for (const entry of doc.metadata) {
      if (meaningfulWords(entry.value, facts.placeholders) === 0 && !/\d/.test(entry.value)) {
        for (const field of Object.keys(FIELDS) as Field[]) if (FIELDS[field].test(entry.key)) unfilled.add(field);
        continue;
      }
      for (const field of Object.keys(FIELDS) as Field[]) {
        if (present.has(field) || !FIELDS[field].test(entry.key)) continue;
        if (field === 'date' && !findValidDate(entry.value) && !MONTH_YEAR.test(entry.value)) {
          badDate ??= entry;
          continue;
        }
        present.set(field, entry);
      }
    }
    // An "Approvals" / "Sign-off" section with names in it lists the approvers.
    if (!present.has('approvers')) {
      const approvals = region(facts, 'metadata');
      const row = approvals.units.find((u) => u.kind === 'cell' && facts.meaningful(u) > 0);
      if (row)
        present.set('approvers', {
          key: 'approvers',
          value: row.text,
          line: row.line,
          column: row.column,
          text: row.text,
          source: 'table',
        });
    }
    const anchor = documentAnchor(doc);
    if (present.size === 0) {
      findings.push(
        finding(R.missing, anchor, 'The document has no metadata: no owner, status, version or date.', FIX),
      );
      return { score: 0, findings };
    }
    if (!present.has('owner'))
      findings.push(
        finding(
          R['no-owner'],
          anchor,
          unfilled.has('owner') ? 'The owner field is not filled in.' : 'The document names no owner.',
          'Add "Owner: <name>" (front matter or the metadata table): someone has to answer for it.',
        ),
      );
    const missing = (Object.keys(FIELDS) as Field[]).filter((f) => WEIGHTS[f] > 0 && f !== 'owner' && !present.has(f));
    if (missing.length > 0) {
      findings.push(
        finding(
          R['missing-fields'],
          anchor,
          `Metadata lacks ${missing.map((f) => (unfilled.has(f) ? `${f} (not filled in)` : f)).join(', ')}.`,
          `Add ${missing.map((f) => `"${EXAMPLES[f]}"`).join(', ')} to the front matter or metadata table.`,
        ),
      );
    }
    if (badDate && !present.has('date')) {
      findings.push(
        finding(
          R['bad-date'],
          { ...badDate, section: null },
          `"${badDate.value}" is not a date.`,
          'Write dates as YYYY-MM-DD, e.g. "2026-05-14".',
        ),
      );
    }
    let score = 0;
    for (const field of present.keys()) score += WEIGHTS[field];
    return { score, findings };
  },
});

/** "December 2025", "Nov 2024": a month is date enough for a document. */
const MONTH_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/i;

const EXAMPLES: Record<Field, string> = {
  owner: 'Owner: Amina Diallo',
  subsidiary: 'Subsidiary: FINTX',
  status: 'Status: In review',
  version: 'Version: 1.2',
  date: 'Date: 2026-05-14',
  approvers: 'Approvers: VB Lee, IT Owner Sam',
};

const FIX = 'Add a metadata table or front matter: Owner, Status, Version, Date (YYYY-MM-DD) and Approvers.';
