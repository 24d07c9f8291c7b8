// The parsed pack plus what the line-based checks (leftovers, secrets, consistency, OWASP) need: which lines are
// code and which section each line is in. Built once per validation.
import type { Anchor } from '../gate/checks/kit.ts';
import type { DocModel, Section } from '../markdown/model.ts';

export type PackText = {
  doc: DocModel;
  /** Source lines; `lines[n - 1]` is line n. */
  lines: readonly string[];
  /** 1 for lines inside a fenced or indented code block (the fences included). */
  inCode: Uint8Array;
  sectionOf(line: number): Section;
};

export function packText(doc: DocModel): PackText {
  const lines = doc.lines;
  const inCode = new Uint8Array(lines.length + 2);
  for (const block of doc.blocks) {
    if (block.kind !== 'code') continue;
    for (let l = block.line; l <= block.endLine && l <= lines.length; l++) inCode[l] = 1;
  }
  // Sections are in document order: each one owns the lines from its heading to the next heading.
  const owner = new Int32Array(lines.length + 2);
  for (const s of doc.sections) {
    if (s.index === 0) continue;
    owner.fill(s.index, Math.max(1, s.line), lines.length + 2);
  }
  return {
    doc,
    lines,
    inCode,
    sectionOf: (line) => doc.sections[owner[line] ?? 0] ?? doc.root,
  };
}

/** An anchor at `column` (0-based index into the line) of line `line` (1-based). */
export function lineAnchor(text: PackText, line: number, index: number, excerpt?: string): Anchor {
  const source = text.lines[line - 1] ?? '';
  const from = Math.max(0, index - 40);
  return {
    line,
    column: index + 1,
    section: text.sectionOf(line),
    text: excerpt ?? (from > 0 ? '…' : '') + source.slice(from, index + 100),
  };
}

/** Inline code spans blanked to spaces, so columns stay where they were. */
export function withoutInlineCode(line: string): string {
  return line.indexOf('`') < 0 ? line : line.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
}
