// The FAQ seeded from real questions (research §4): UAT feedback classified as a question, clarifications and early
// support tickets, clustered by normalised text, ranked by how often they were asked; non-goals become "Can it …?" →
// "Not in this release". Anticipated items are labelled so. At most 12 items, grouped.
import { firstSentence } from './slots.ts';

export type FaqGroup = 'access' | 'using' | 'data' | 'limits' | 'support';
export const FAQ_GROUP_LABELS: Record<FaqGroup, string> = {
  access: 'Access and setup',
  using: 'Using it',
  data: 'Data and privacy',
  limits: 'Limits and roadmap',
  support: 'Support',
};

export type AskedQuestion = { text: string; answer: string | null; source: string; requirement?: string | null };
export type FaqItem = {
  question: string;
  answer: string;
  group: FaqGroup;
  asked: number;
  anticipated: boolean;
  sources: string[];
};

export const MAX_FAQ_ITEMS = 12;
const STOP = new Set([
  'a',
  'an',
  'the',
  'i',
  'we',
  'to',
  'do',
  'does',
  'can',
  'is',
  'it',
  'of',
  'in',
  'on',
  'my',
  'how',
  'what',
]);
const GROUP_WORDS: [FaqGroup, RegExp][] = [
  ['access', /\b(log ?in|sign ?in|access|account|password|install|set ?up|permission)/i],
  ['data', /\b(data|privacy|gdpr|personal|export|delete|retention|secure|security)/i],
  ['support', /\b(help|support|contact|bug|broken|error|escalat)/i],
  ['limits', /\b(limit|roadmap|later|future|plan|will it|support for)/i],
];

const normalise = (text: string, requirement?: string | null) =>
  `${requirement ?? ''}|${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .sort()
    .join(' ')}`;

const groupOf = (text: string): FaqGroup => GROUP_WORDS.find(([, re]) => re.test(text))?.[0] ?? 'using';

export function buildFaq(questions: readonly AskedQuestion[], nonGoals: readonly string[]): FaqItem[] {
  const clusters = new Map<string, AskedQuestion[]>();
  for (const q of questions) {
    const key = normalise(q.text, q.requirement);
    clusters.set(key, [...(clusters.get(key) ?? []), q]);
  }
  const asked: FaqItem[] = [...clusters.values()].map((list) => {
    const first = list[0] as AskedQuestion;
    const answered = list.find((q) => q.answer?.trim());
    return {
      question: first.text.trim(),
      answer: answered?.answer ? firstSentence(answered.answer) : '[Missing: an answer from the product owner]',
      group: groupOf(first.text),
      asked: list.length,
      anticipated: false,
      sources: list.map((q) => q.source),
    };
  });
  const anticipated: FaqItem[] = nonGoals.map((goal) => ({
    question: `Can it ${goal.replace(/[.!]$/, '').replace(/^./, (c) => c.toLowerCase())}?`,
    answer: 'Not in this release: it is a non-goal of the PRD.',
    group: 'limits',
    asked: 0,
    anticipated: true,
    sources: ['PRD non-goals'],
  }));
  const order = Object.keys(FAQ_GROUP_LABELS) as FaqGroup[];
  return [...asked.sort((a, b) => b.asked - a.asked), ...anticipated]
    .slice(0, MAX_FAQ_ITEMS)
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || b.asked - a.asked);
}

export function faqMarkdown(items: readonly FaqItem[]): string {
  const out: string[] = ['# Frequently asked questions'];
  let group: FaqGroup | null = null;
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      out.push('', `## ${FAQ_GROUP_LABELS[group]}`);
    }
    const note = item.anticipated ? ' _(anticipated)_' : ` _(asked ${item.asked}×)_`;
    out.push('', `**${item.question}**${note}`, '', item.answer);
  }
  if (items.length === 0) out.push('', 'No questions yet.');
  return `${out.join('\n')}\n`;
}
