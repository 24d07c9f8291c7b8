// Problem and evidence: the problem comes before the solution, says who is hurt and how much, with evidence.
import { z } from 'zod';
import { countWords } from '../../markdown/text.ts';
import type { TextUnit } from '../facts/units.ts';
import { NUMBER, UNIT } from '../patterns.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('problem', {
  missing: ['major', 'No problem statement with content'],
  'no-section': ['minor', 'The problem is only described in the introduction'],
  'too-short': ['minor', 'The problem statement is too short to judge'],
  'no-evidence': ['major', 'The problem has no evidence (number, source or quote)'],
  'no-impact': ['minor', 'The problem does not quantify who is hurt or how much'],
  'after-solution': ['info', 'The problem comes after the requirements'],
});

const SOURCE =
  /\b(?:according to|survey(?:ed)?|interview(?:s|ed)?|tickets?|support (?:team|data|requests)|complaints?|feedback|research|study|report(?:ed)?|analytics|dashboard|data (?:shows?|from)|source|nps|csat|churn(?:ed)?|audit)\b|\[\d+\]|https?:\/\//i;
const QUOTE = /"[^"\n]{12,}"|“[^”\n]{12,}”/;
const PROBLEM_WORDS =
  /\b(?:problem|pain|struggl\w*|frustrat\w*|today|currently|current state|cost(?:s|ing)?|los(?:e|ing|t)|churn\w*|complain\w*|manual(?:ly)?|by hand|delay\w*|error-prone|difficult\w*|hard to|time-consuming|tedious|inefficien\w*|lack(?:s|ing)?|without|gap|abandon\w*|waste\w*|slow|fragmented|scattered)\b/i;

export const problemCheck = defineCheck({
  id: 'problem',
  rules: R,
  params: z.strictObject({ minWords: z.number().int().min(1).max(500).default(20) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'problem');
    let units = found.units;
    let words = found.countWords(params.minWords);
    if (words < 5) {
      // Judged by content: an introduction, overview or summary that states the problem counts, with a nudge to give
      // it a heading of its own.
      // So does a problem written as a labelled line ("**Problem:** …", "Pain points: …"), e.g. in each persona.
      const labelled = facts.units.filter(
        (u) => (u.kind === 'item' || u.kind === 'paragraph') && PROBLEM_LABEL.test(u.text),
      );
      const intro = [
        ...new Set([...introUnits(facts.units).filter((u) => PROBLEM_WORDS.test(u.text)), ...labelled]),
      ].sort((a, b) => a.order - b.order);
      const introWords = intro.reduce((n, u) => n + facts.meaningful(u), 0);
      if (introWords >= params.minWords || (labelled.length > 0 && introWords >= 5)) {
        units = intro;
        words = introWords;
        findings.push(
          finding(
            R['no-section'],
            anchorOf(intro[0] as TextUnit),
            'The problem is described only in the introduction.',
            'Move it under a "Problem" heading so reviewers and the editor can find it.',
          ),
        );
      } else {
        const at = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
        const message = found.sections[0]
          ? `"${found.sections[0].title}" has a heading but no problem statement under it.`
          : 'There is no problem statement (Problem, Background, Context, Why or Motivation).';
        findings.push(finding(R.missing, at, message, FIX_MISSING));
        return { score: 0, findings };
      }
    }
    const text = units.map((u) => u.text).join('\n');
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : anchorOf(units[0] as TextUnit);
    const hasNumber = NUMBER.test(text);
    const hasImpact = UNIT.test(text);
    const hasEvidence = hasNumber || SOURCE.test(text) || QUOTE.test(text) || units.some((u) => u.quoted);
    let score = words >= params.minWords ? 0.5 : 0.3;
    if (words < params.minWords) {
      findings.push(
        finding(
          R['too-short'],
          anchor,
          `The problem statement has ${countWords(text)} words; it needs enough to say who is hurt, how often and how much.`,
          'Describe the affected users, how often it happens and what it costs them (time, money, errors).',
        ),
      );
    }
    if (hasEvidence) score += 0.3;
    else
      findings.push(
        finding(R['no-evidence'], anchor, 'The problem gives no evidence: no number, source or quote.', FIX_EVIDENCE),
      );
    if (hasImpact) score += 0.2;
    else if (hasEvidence) {
      findings.push(
        finding(
          R['no-impact'],
          anchor,
          'The problem does not quantify the impact.',
          'Add how many are affected or what it costs, e.g. "41% of tickets", "3.2 days", "USD 20k a month".',
        ),
      );
    }
    const firstRequirement = facts.requirements[0];
    const problemLine = found.sections[0]?.line ?? units[0]?.line ?? 0;
    if (firstRequirement && firstRequirement.unit.line < problemLine) {
      findings.push(
        finding(
          R['after-solution'],
          anchor,
          'The problem comes after the requirements.',
          'Put the problem before the solution so readers judge the requirements against it.',
        ),
      );
    }
    return { score, findings };
  },
});

const PROBLEM_LABEL =
  /^\s*(?:\*\*|__)?(?:(?:the )?problem(?: statement)?|pain points?|challenges?|frustrations?|current pain)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*\S/i;

/** Where a problem is often stated without a Problem heading: "Overview", "Purpose", "Introduction", "Summary". */
const OVERVIEW = /\b(?:overview|summary|introduction|intro|purpose|abstract|tl;?dr|about|executive summary|vision)\b/i;

function introUnits(units: readonly TextUnit[]): TextUnit[] {
  return units.filter(
    (u) =>
      (u.kind === 'paragraph' || u.kind === 'item') &&
      (u.section.level <= 1 || !u.section.heading || overviewSection(u.section)) &&
      countWords(u.text) >= 5,
  );
}

function overviewSection(section: TextUnit['section']): boolean {
  for (let s: TextUnit['section'] | null = section; s && s.level > 0; s = s.parent)
    if (s.level <= 3 && OVERVIEW.test(s.title)) return true;
  return false;
}

const FIX_MISSING =
  'Add a "Problem" section before the requirements: who is hurt, how often, how much, with evidence, e.g. "{{eg:problem}}"';
const FIX_EVIDENCE =
  'Back the problem with evidence: a number with its source, or a customer quote, e.g. "{{eg:evidence}}"';
