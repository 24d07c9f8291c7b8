// AI leftovers (../shared/research/handover.md §5): assistant chatter and chat-interface citation artefacts
// (blockers: the pack was pasted, not written), unfilled template placeholders, lorem ipsum, open TBD/TODO, and
// invented contacts — RFC 2606 example hosts, john.doe / name@company.com e-mails, 555 phone numbers. The gate's
// own AI-leftover list and template-bracket pattern are reused; the extra patterns here are the pack-specific ones.
import { anchorAt } from '../gate/checks/kit.ts';
import { TEMPLATE_BRACKETS } from '../gate/facts/content.ts';
import type { DocFacts } from '../gate/facts/facts.ts';
import type { CompiledLexicon } from '../gate/lexicon-compile.ts';
import type { Finding } from '../gate/types.ts';
import { lineAnchor, type PackText, withoutInlineCode } from './pack-text.ts';
import { packFinding, AI_RULES as R } from './rules.ts';

const CHATTER =
  /\b(?:as an ai(?: language)? model|as a large language model|i hope (?:this|that) helps|feel free to (?:ask|reach out)|let me know if you(?:'d)? (?:like|want|need)|here(?:'s| is) (?:a|an|the|your) (?:draft|template|revised|updated)\b|great question|as of my (?:last )?(?:knowledge|training) (?:cutoff|update))/i;
const CHATTER_OPENING = /^\s*(?:certainly|sure|absolutely|of course)[!,.]/i;
const ARTIFACT =
  /citeturn\d*\w*|turn\d+(?:search|view|news)\d+|:?contentReference\[oaicite:\d+\](?:\{index=\d+\})?|\[oaicite:\d+\]|oaicite|【\d+†[^】]*】|utm_source=chatgpt\.com/i;
const TEMPLATE_EXTRA =
  /\[(?:insert|your|add|enter|company|product|name|owner|date|link|url|tbd)\b[^\]\n]{0,60}\](?!\()|\[(?:e\.g\.,?\s[^\]\n]{0,60}|[^\]\n]{0,40}\b[Nn]ame|YYYY-MM-DD)\](?!\()|<[A-Z][A-Z0-9_]{2,}(?: [A-Z0-9_]+)*>|(?:[:|–—-]\s*|^\s*)YYYY-MM-DD\b|\bversion:?\s+x\.y\.z\b|_{5,}/;
const LOREM = /\blorem ipsum\b/i;
const EXAMPLE_HOST = /\b(?:[a-z0-9-]+\.)*example\.(?:com|net|org)\b|:\/\/(?:[a-z0-9-]+\.)+(?:test|example|invalid)\b/i;
const PLACEHOLDER_EMAIL =
  /\b(?:(?:john|jane)[._-]?doe|(?:your|my)[._-]?(?:name|email)|name|user|username|email|firstname[._-]lastname|first[._-]last|someone)@(?:[\w-]+\.)*[a-z]{2,}\b|[\w.+-]+@(?:[\w-]+\.)*(?:example\.(?:com|net|org)|company\.com|domain\.com|yourcompany\.com)\b/i;
const PHONE_555 = /(?:\+1[-.\s]?)?\(?\b555\)?[-.\s]\d{3}[-.\s]?\d{4}\b|\b555-01\d{2}\b/;

type Probe = {
  rule: keyof typeof R;
  pattern: RegExp;
  /** Lower-case strings a matching line must contain (a cheap test that rules out most lines). */
  hints: readonly string[];
  message: (hit: string) => string;
  fix: string;
};

const PROBES: readonly Probe[] = [
  {
    rule: 'chat_artifact',
    hints: ['cite', 'turn', 'oaicite', 'contentreference', '【', 'utm_source'],
    pattern: ARTIFACT,
    message: (h) => `"${h}" is a citation marker of a chat interface: this text was pasted from a chatbot.`,
    fix: 'Remove the marker and check the sentence it cites against a real source.',
  },
  {
    rule: 'chatter',
    hints: [
      'as an ai',
      'language model',
      'hope th',
      'feel free',
      'let me know',
      "here's",
      'here is',
      'great question',
      'as of my',
    ],
    pattern: CHATTER,
    message: (h) => `"${h}" is the assistant talking, not the pack.`,
    fix: 'Delete the chatbot sentence and read the section again: what it introduces is often generic too.',
  },
  {
    rule: 'lorem_ipsum',
    hints: ['lorem'],
    pattern: LOREM,
    message: () => 'Lorem ipsum is filler text, not content.',
    fix: 'Replace the filler with the real text for this product.',
  },
  {
    rule: 'template_placeholder',
    hints: ['[', '<', 'yyyy', 'x.y.z', '_____'],
    pattern: TEMPLATE_EXTRA,
    message: (h) => `"${h.trim()}" is a template placeholder nobody filled in.`,
    fix: 'Fill in the real value (name, date, link, version) or remove the line.',
  },
  {
    rule: 'placeholder_email',
    hints: ['@'],
    pattern: PLACEHOLDER_EMAIL,
    message: (h) => `${h} is a placeholder address: nobody reads it.`,
    fix: "Use the real owner's or team's address from the product record.",
  },
  {
    rule: 'example_host',
    hints: ['example.', '.test', '.invalid', '.example'],
    pattern: EXAMPLE_HOST,
    message: (h) => `${h} is a reserved example host (RFC 2606), not this product's.`,
    fix: "Use the product's real host names from the runbook's environments table.",
  },
  {
    rule: 'placeholder_phone',
    hints: ['555'],
    pattern: PHONE_555,
    message: (h) => `${h} is a fictional 555 number.`,
    fix: 'Give the real on-call or support number, or remove it.',
  },
];

const ANY_HINT = new RegExp(
  [...new Set(PROBES.flatMap((p) => p.hints))].map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
  'i',
);

export function checkLeftovers(text: PackText, facts: DocFacts, lexicon: CompiledLexicon): Finding[] {
  const findings: Finding[] = [];
  const hit = (rule: keyof typeof R, line: number, index: number, message: string, fix: string) =>
    findings.push(packFinding(R[rule], lineAnchor(text, line, index), message, fix));
  text.lines.forEach((raw, i) => {
    const line = i + 1;
    const code = text.inCode[line] === 1;
    // Chatter and artefacts count anywhere, code included: a pasted answer is a pasted answer.
    if (lexicon.mayHaveAiLeftover(raw) && !ARTIFACT.test(raw) && !CHATTER.test(raw)) {
      lexicon.aiLeftovers.lastIndex = 0;
      const m = lexicon.aiLeftovers.exec(raw);
      if (m) hit('chatter', line, m.index, `"${m[0]}" is the assistant talking, not the pack.`, PROBES[1]?.fix ?? '');
    }
    const chatted = findings.length > 0 && findings[findings.length - 1]?.line === line;
    if (!code && !chatted && CHATTER_OPENING.test(raw)) {
      const opening = (raw.trim().split(/[!,.]/)[0] ?? '').trim();
      hit(
        'chatter',
        line,
        raw.search(/\S/),
        `A line opening with "${opening}!" is a chatbot's reply.`,
        PROBES[1]?.fix ?? '',
      );
    }
    const prose = code ? '' : withoutInlineCode(raw);
    // One scan for every probe's hints: most lines hold none of them and skip the seven patterns.
    const maybe = ANY_HINT.test(raw);
    const lower = maybe ? raw.toLowerCase() : '';
    let emailHit = false;
    for (const probe of maybe ? PROBES : []) {
      const anywhere = probe.rule === 'chat_artifact' || probe.rule === 'chatter';
      const target = anywhere ? raw : prose;
      if (!target || !probe.hints.some((h) => lower.includes(h))) continue;
      const m = probe.pattern.exec(target);
      if (!m) continue;
      if (probe.rule === 'placeholder_email') emailHit = true;
      // The host of a placeholder e-mail is already reported with the address.
      if (probe.rule === 'example_host' && emailHit) continue;
      hit(probe.rule, line, m.index, probe.message(m[0]), probe.fix);
    }
    if (prose && /[[{<]/.test(prose)) {
      TEMPLATE_BRACKETS.lastIndex = 0;
      const bracket = TEMPLATE_BRACKETS.exec(prose);
      if (bracket && !TEMPLATE_EXTRA.test(prose))
        hit('template_placeholder', line, bracket.index, PROBES[3]?.message(bracket[0]) ?? '', PROBES[3]?.fix ?? '');
    }
  });
  // TBD / TODO: the gate's placeholder list, from the scan the clarity check already made of each unit.
  for (const unit of facts.units) {
    if (unit.kind === 'code' || LOREM.test(unit.text)) continue;
    const open = facts.placeholderHits(unit)[0];
    if (open)
      findings.push(
        packFinding(
          R.open_placeholder,
          anchorAt(text.doc, unit, open.start, open.end - open.start),
          `"${open.text}" leaves this open at handover.`,
          'Decide it, or list it under known issues with an owner and a date.',
        ),
      );
  }
  return findings;
}
