// Release notes (Keep a Changelog 1.1.0): release headings carry ISO 8601 dates, and published notes have no
// "Unreleased" section. Which sections must exist is completeness' job (sections.ts).
import { sectionAnchor } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import type { DocModel } from '../markdown/model.ts';
import { VERSION_HEADING } from './completeness.ts';
import { packFinding, RELEASE_RULES as R } from './rules.ts';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const OTHER_DATE = new RegExp(
  `\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\b\\d{1,2} ${MONTH} \\d{4}\\b`,
  'i',
);

export function checkReleaseNotes(doc: DocModel): Finding[] {
  const findings: Finding[] = [];
  const releases = doc.sections.filter((s) => s.level > 0 && VERSION_HEADING.test(s.title));
  const badDates = releases.filter((s) => !ISO_DATE.test(s.title) && OTHER_DATE.test(s.title));
  const first = badDates[0];
  if (first)
    findings.push(
      packFinding(
        R.date_format,
        sectionAnchor(first),
        `"${first.title}" dates the release in a local format${badDates.length > 1 ? ` (${badDates.length} release headings do)` : ''}: readers in other countries misread 03/04.`,
        'Write release dates as YYYY-MM-DD (ISO 8601), e.g. "## [2.4.0] - 2026-12-07".',
      ),
    );
  for (const s of doc.sections)
    if (s.level > 0 && /^\[?unreleased\]?$/i.test(s.title.trim()))
      findings.push(
        packFinding(
          R.unreleased,
          sectionAnchor(s),
          'Published release notes still have an "Unreleased" section.',
          'Move its entries under the version being released, or remove the section before publishing.',
        ),
      );
  return findings;
}
