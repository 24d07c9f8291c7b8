// Open questions need an owner and a date, whether written as a list, a table (Question | Owner | Due) or
// sentences ending in "?" under an Open questions heading.
import { meaningfulWords } from '../facts/content.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { findValidDate, OWNER_MARK, TIMEFRAME } from '../patterns.ts';
import { anchorOf, finding, quote, type RawFinding, type RuleInfo } from './kit.ts';
import { region, statements } from './region.ts';

const OWNER_HEADER = /owner|who|assignee|responsible|raised by|driver/i;
const DATE_HEADER = /due|date|by|when|deadline|target/i;
const RESOLVED = /^\s*(?:~~|\[x\]|resolved|answered|decided|closed)\b/i;

export function openQuestionFindings(facts: DocFacts, rule: RuleInfo): RawFinding[] {
  const out: RawFinding[] = [];
  const found = region(facts, 'questions');
  for (const unit of statements(found.units)) {
    if (facts.meaningful(unit) < 2 || RESOLVED.test(unit.text) || unit.kind === 'code') continue;
    if (unit.kind === 'paragraph' && !unit.text.includes('?')) continue;
    const { owner, date } = unit.kind === 'cell' ? fromRow(facts, unit) : fromText(unit.text);
    if (owner && date) continue;
    const missing = [owner ? '' : 'an owner', date ? '' : 'a date'].filter(Boolean).join(' and ');
    const lacks = [owner ? '' : 'owner', date ? '' : 'date'].filter(Boolean).join(' or ');
    out.push(
      finding(
        rule,
        anchorOf(unit),
        `Open question ${quote(unit.text, 50)} has no ${lacks}.`,
        `Give it ${missing}, e.g. "— owner: @amina, decide by 2026-06-15"; a question nobody owns stays open.`,
      ),
    );
  }
  return out;
}

function fromText(text: string): { owner: boolean; date: boolean } {
  return { owner: OWNER_MARK.test(text), date: findValidDate(text) !== null || TIMEFRAME.test(text) };
}

function fromRow(facts: DocFacts, first: TextUnit): { owner: boolean; date: boolean } {
  const table = first.block.kind === 'table' ? first.block : null;
  const row = first.row;
  if (!table || !row) return fromText(first.text);
  let owner = false;
  let date = false;
  table.header.forEach((head, i) => {
    const cell = row.cells[i]?.text ?? '';
    if (OWNER_HEADER.test(head.text) && meaningfulWords(cell, facts.placeholders) > 0) owner = true;
    if (DATE_HEADER.test(head.text) && (findValidDate(cell) !== null || TIMEFRAME.test(cell))) date = true;
  });
  const rowText = row.cells.map((c) => c.text).join(' ');
  const fallback = fromText(rowText);
  return { owner: owner || fallback.owner, date: date || fallback.date };
}
