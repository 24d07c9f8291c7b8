// Signals shared by several checks, compiled once at module load (no per-document regex construction).

/** Requirement ids with a known prefix: FR-1, NFR-2, REQ-3, RQ-2, K-1, TT-4, R1, US-7, PAY-FR-4. */
export const ID_AT_START =
  /^\s*(?:\*\*|__)?\[?((?:[A-Z][A-Z0-9]{0,9}-)*(?:FR|NFR|REQ|RQ|BR|UR|SR|K|TT|R|US|UC|STORY|FEAT)[-_]?\d{1,4}(?:\.\d{1,3})?)\]?(?![\w-])(?:\*\*|__)?\s*(?:[:.)–—-](?:\*\*|__)?)?\s*/;
/** Any hyphenated key (PAY-12, FINTX-PAYOUTS-FR-4); only trusted inside requirement sections or id columns. */
export const GENERIC_ID_AT_START =
  /^\s*(?:\*\*|__)?\[?([A-Z][A-Z0-9]{1,9}(?:-[A-Z][A-Z0-9]{0,9})*-\d{1,4})\]?(?![\w-])(?:\*\*|__)?\s*(?:[:.)–—-](?:\*\*|__)?)?\s*/;
/** Every id-shaped token, to map "FR-3" mentions in acceptance criteria back to requirements. */
export const ID_MENTION =
  /(?<![\w-])(?:[A-Z][A-Z0-9]{0,9}-){0,4}[A-Z][A-Z0-9]{0,9}[-_]?\d{1,4}(?:\.\d{1,3})?(?![\w-])/g;
export const ACCEPTANCE_ID = /^\s*(?:\*\*)?AC[-_ ]?\d/i;

export function idKey(id: string): string {
  return id.toUpperCase().replace(/[-_\s]/g, '');
}

export const PRIORITY_VALUE =
  /^\s*(?:\*\*)?(must|should|could|won'?t|wont|high|highest|medium|med|low|lowest|critical|p[0-4])\b/i;
export const PRIORITY_IN_TEXT =
  /\bP[0-4]\b|\b(?:must|should|could|won'?t)[- ]have\b|\bpriority\s*[:=]\s*\S|[([]\s*(?:must|should|could|won'?t|high|medium|med|low|critical|p[0-4])\s*[)\]]|\bMoSCoW\b/i;
export const PRIORITY_LABEL_START = /^\s*(?:\*\*|__)?(?:must|should|could|won'?t)(?:\*\*|__)?\s*[:—–-]/i;
export const PRIORITY_HEADING =
  /\b(?:must|should|could|won'?t)[- ]?(?:have)?s?\b|\bP[0-4]\b|\b(?:high|medium|low) priority\b/i;

export const GIVEN_WHEN_THEN = /\bgiven\b[\s\S]{0,400}?\bwhen\b[\s\S]{0,400}?\bthen\b/i;
export const GHERKIN_LINE = /^\s*(?:[-*]\s*)?(?:\*\*|__)?(?:given|when|then|and|but|scenario(?: outline)?:?)\b/i;
export const ACCEPTANCE_LABEL =
  /^\s*(?:\*\*|__)?(?:acceptance(?: criteria| tests?)?|ac\d*|done when|definition of done|criteria)(?:\*\*|__)?\s*:/i;
export const ACCEPTANCE_INTRO =
  /(?:acceptance(?: criteria| tests?)?|done when|definition of done|criteria|scenarios?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?$/i;
/** A criterion is testable when it names something you can observe. */
export const OBSERVABLE =
  /\d|"[^"\n]{1,200}"|“[^”\n]{1,200}”|'[^'\n]{3,200}'|`[^`\n]{1,200}`|\b(?:shows?|shown|displays?|displayed|returns?|returned|receives?|received|sees?|(?:is|are) (?:set|shown|sent|created|updated|saved|marked|blocked|rejected|accepted|listed|visible|hidden|disabled|enabled|available|provided|published|displayed|loaded|removed|deleted|added|selected|highlighted|opened|closed|cleared|reset)|plays|can (?:see|view|select|open|download|answer|edit|create|submit|access|choose)|status|state|error|message|notification|email|sms|redirect(?:s|ed)?|download(?:s|ed)?|appears?|contains?|equals?|records?|logs?|rejects?|blocks?|sends?|sent|lists?|exports?|stores?|marks?|increments?|decrements?|persist(?:s|ed)?|visible)\b/i;

/** A number that is not part of an id (FR-3) and not a list marker. */
export const NUMBER = /(?<![\w-])[-+~≈<>≤≥]?\s?[$€£₦]?\d+(?:[.,]\d+)*/;
export const UNIT =
  /[$€£₦]\s?\d|\b(?:usd|eur|gbp|zar|ngn|kes|ghs|egp|xof|inr)\s?\d|\d(?:[.,]\d+)*\s[a-z]+\s[a-z]{3,}s\b|\d(?:[.,]\d+)*\s?(?:%|‰|pp\b|percentage points?\b|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|x\b|×|k\b|m\b|bn\b|gb\b|mb\b|kb\b|tb\b|rps\b|tps\b|qps\b|req\/s|usd\b|eur\b|gbp\b|zar\b|ngn\b|kes\b|points?\b|pts\b|nps\b|csat\b|stars?\b|[a-z]{3,}s\b|per\b)/i;
export const TIMEFRAME =
  /\b(?:within|in|over|after|by|before|until|for|inside)\s+(?:the\s+)?(?:first\s+|next\s+)?\d+\s*(?:days?|weeks?|months?|quarters?|years?|sprints?)\b|\bby\s+(?:the\s+)?(?:end\s+of\s+)?(?:week|sprint|month|quarter|year|q[1-4]|h[12]|fy|launch|ga|release|pilot)\b|\bQ[1-4]\b|\bH[12]\b|\bFY\s?\d{2,4}\b|\b(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\b|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b|\bper\s+(?:day|week|month|quarter|year)\b|\b\d+[- ](?:day|week|month)\b|\b(?:rolling|trailing)\b|\b(?:end of|by end of)\s+(?:the\s+)?(?:year|quarter|month|\d{4})\b|\b(?:after|at|post[- ])(?:launch|ga|release|rollout)\b|\bweek\s+\d+\b|\bsprint\s+\d+\b|\b(?:19|20)\d\d\b/i;
export const FROM_TO =
  /\bfrom\s+\S{0,20}\d[^;\n]{0,40}?\bto\s+\S{0,20}\d|\d[^\n→]{0,25}(?:→|->|=>|⟶)\s*\S{0,20}\d|\bbaseline\b[^\n]{0,30}?\d|\bcurrently\s+\S{0,20}\d|\btoday\s*[:(]?\s*\S{0,20}\d/i;
export const GOAL_VERB =
  /\b(?:increase|reduce|decrease|improve|grow|raise|lower|cut|lift|boost|shorten|halve|double|reach|achieve|keep)\b/i;

export const LINK = /\bhttps?:\/\/\S|\]\([^)\s]{1,500}\)|\bwww\.\S/i;
export const FILE_NAME = /(?<![\w-])[\w-]{1,100}\.(?:fig|sketch|xd|png|jpe?g|gif|svg|pdf|pptx?|docx?|xlsx?|mp4|mov)\b/i;
export const IMAGE = /!\[[^\]]*\]\(/;
export const SNAKE_EVENT = /(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.])/;
export const DATE_VALUE =
  /\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b|\b([0-3]?\d)[/.]([01]?\d)[/.]((?:19|20)\d\d)\b|\b([0-3]?\d)(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b/i;
export const OWNER_MARK =
  /@[\w.-]+|\bowner\s*[:=]|\b(?:owned by|assigned to|assignee)\b|\((?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\)|[—–-]\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date that exists on the calendar (no clock needed): 2026-02-30 is not one. */
export function findValidDate(text: string): string | null {
  const m = DATE_VALUE.exec(text);
  if (!m) return null;
  let year: number;
  let month: number;
  let day: number;
  if (m[1]) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4]) [year, month, day] = [Number(m[6]), Number(m[5]), Number(m[4])];
  else if (m[7]) [year, month, day] = [Number(m[9]), monthOf(m[8] as string), Number(m[7])];
  else [year, month, day] = [Number(m[12]), monthOf(m[10] as string), Number(m[11])];
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= (days[month - 1] as number) ? m[0] : null;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
