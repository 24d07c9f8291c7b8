// Golden passages come from a passed PRD: by default the section the criterion is about (found by the rubric's
// heading synonyms, as the engine finds it); a hand-picked passage must really be part of that version.
import { MAX_PASSAGE_CHARS } from '@pi-studio/core/contract/gate';
import { compileRubric } from '@pi-studio/core/gate/compile';
import { TOPICS, type Topic } from '@pi-studio/core/gate/lexicon';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { parseDocument } from '@pi-studio/core/markdown/parse';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when `passage` occurs in `body`, ignoring differences in spacing, line breaks and case. */
export function isPassageOf(passage: string, body: string): boolean {
  const p = squash(passage);
  return p.length > 0 && squash(body).includes(p);
}

/** The topic a criterion reads: its check id when that names a topic (clarity and completeness have none). */
export function topicOf(rubric: Rubric, criterion: string): Topic | null {
  const check = rubric.criteria.find((c) => c.id === criterion)?.check;
  return check && (TOPICS as readonly string[]).includes(check) ? (check as Topic) : null;
}

/** The first section whose heading names the criterion's topic, heading and subsections included; null if none. */
export function sectionPassage(body: string, rubric: Rubric, criterion: string): string | null {
  const topic = topicOf(rubric, criterion);
  if (!topic) return null;
  const lexicon = compileRubric(rubric).lexicon();
  const doc = parseDocument(body);
  const section = doc.sections.find((s) => s.heading && lexicon.topicsOf(s.title).includes(topic));
  if (!section) return null;
  const text = doc.lines
    .slice(section.line - 1, section.endLine)
    .join('\n')
    .trim();
  return text ? text.slice(0, MAX_PASSAGE_CHARS) : null;
}
