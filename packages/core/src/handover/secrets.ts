// Secrets pasted into a pack by mistake (../shared/research/handover.md §5, after gitleaks' rule set): every hit is a
// blocker, is reported by position and rule only, and `maskSecrets` gives the copy that may be stored — the value
// replaced by its first 4 characters and asterisks, line breaks kept so line numbers stay valid.
import type { RuleInfo } from '../gate/checks/kit.ts';
import { SECRET_RULES as R } from './rules.ts';

export type SecretHit = { rule: RuleInfo; line: number; column: number; start: number; end: number };

type SecretRule = {
  rule: RuleInfo;
  /** Global regex; the named group `v`, when present, is the secret part of the match (the rest is context). */
  pattern: RegExp;
  /** Lower-case strings a matching line must contain: most lines are ruled out without running the regex. */
  hints: readonly string[];
  /** A value that is a documented example or a placeholder, not a secret. */
  allow?: (value: string, match: string) => boolean;
};

/** Values of documentation and templates: AWS's own EXAMPLE keys, xxxx, <token>, ${VAR}, "your-key", changeme. */
const PLACEHOLDER_VALUE =
  /example|sample|dummy|fake|placeholder|redacted|changeme|change[-_]me|your[-_]?|xxxx|\*\*\*|[<>]|\$\{|\{\{|%s|0{6}|1234567|abcdef/i;
/** jwt.io's sample token (payload "John Doe") is in every JWT tutorial. */
const JWT_SAMPLE = 'IkpvaG4gRG9lI';

const RULES: readonly SecretRule[] = [
  {
    rule: R.aws_access_key,
    hints: ['akia', 'asia', 'abia', 'acca'],
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    allow: (v) => /EXAMPLE$/.test(v),
  },
  {
    rule: R.aws_secret_key,
    hints: ['aws'],
    pattern: /aws[\w.-]{0,20}[\s'"]*[:=][\s'"]*(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    allow: (v) => /EXAMPLE/i.test(v),
  },
  { rule: R.gcp_api_key, hints: ['aiza'], pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { rule: R.gcp_oauth_secret, hints: ['gocspx-'], pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g },
  { rule: R.azure_storage_key, hints: ['accountkey='], pattern: /AccountKey=(?<v>[A-Za-z0-9+/]{86}==)/g },
  {
    rule: R.github_token,
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{82}\b/g,
    allow: (v) => PLACEHOLDER_VALUE.test(v),
  },
  {
    rule: R.slack_token,
    hints: ['xox', 'xapp-'],
    pattern: /\bxox[abeoprs]-[A-Za-z0-9-]{10,}|\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+\b/gi,
    allow: (v) => PLACEHOLDER_VALUE.test(v) || !/\d/.test(v),
  },
  {
    rule: R.slack_webhook,
    hints: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<v>[A-Za-z0-9_/]{8,})/g,
    allow: (v) => PLACEHOLDER_VALUE.test(v) || /X{4,}|0{8}/.test(v),
  },
  {
    rule: R.stripe_secret,
    hints: ['sk_', 'rk_', 'whsec_'],
    pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,99}\b|\bwhsec_[A-Za-z0-9]{32,}\b/g,
    allow: (v) => PLACEHOLDER_VALUE.test(v),
  },
  {
    rule: R.password_in_url,
    hints: ['://'],
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?<v>[^\s/@]+)@[^\s/]+/gi,
    allow: (v) => PLACEHOLDER_VALUE.test(v) || /^(?:\$\w+|pass(?:word)?|secret|pwd|\w*PASSWORD\w*)$/i.test(v),
  },
  {
    rule: R.jwt,
    hints: ['eyj'],
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
    allow: (v) => v.includes(JWT_SAMPLE),
  },
  {
    rule: R.generic_assignment,
    hints: ['pass', 'pwd', 'secret', 'key', 'token'],
    pattern:
      /(?<![A-Za-z])(?:[\w-]*[_-])?(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)\b["']?\s*[:=]\s*["']?(?<v>[^\s'"`<>{}$*,;()[\]]{8,})/gi,
    allow: (v) => !realLooking(v),
  },
];

/** A value a person would paste, not a word: letters and digits, varied characters, no placeholder marks. */
function realLooking(value: string): boolean {
  if (PLACEHOLDER_VALUE.test(value) || /^[A-Z_]+$/.test(value) || /^\d+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  return entropy(value) >= 3;
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const KEY_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/** Every secret in `text`, in order; start/end are offsets of the value to mask. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let keyOpen: { line: number; column: number; start: number } | null = null;
  lines.forEach((line, i) => {
    if (keyOpen) {
      if (KEY_END.test(line)) {
        hits.push({
          rule: R.private_key,
          line: keyOpen.line,
          column: keyOpen.column,
          start: keyOpen.start,
          end: offset,
        });
        keyOpen = null;
      }
    } else {
      const begin = KEY_BEGIN.exec(line);
      if (begin) keyOpen = { line: i + 1, column: begin.index + 1, start: offset + line.length + 1 };
      // Only lines that can hold a token are searched with the eleven patterns (most prose lines cannot).
      else if (/[A-Za-z0-9]{8}/.test(line)) scanLine(line, i + 1, offset, hits);
    }
    offset += line.length + 1;
  });
  // A BEGIN line with no END: the rest of the text is the key.
  const open = keyOpen as { line: number; column: number; start: number } | null;
  if (open)
    hits.push({ rule: R.private_key, line: open.line, column: open.column, start: open.start, end: text.length });
  return hits;
}

function scanLine(line: string, lineNo: number, offset: number, hits: SecretHit[]): void {
  const lower = line.toLowerCase();
  for (const rule of RULES) {
    if (!rule.hints.some((h) => lower.includes(h))) continue;
    rule.pattern.lastIndex = 0;
    for (const m of line.matchAll(rule.pattern)) {
      const value = m.groups?.v ?? m[0];
      if (rule.allow?.(value, m[0])) continue;
      const at = (m.index ?? 0) + m[0].lastIndexOf(value);
      const start = offset + at;
      const end = start + value.length;
      // One secret, one finding: the generic rule does not repeat a token a specific rule already named.
      if (hits.some((h) => h.line === lineNo && h.start < end && start < h.end)) continue;
      hits.push({ rule: rule.rule, line: lineNo, column: at + 1, start, end });
    }
  }
}

/** The value masked: its first 4 characters, then asterisks; every line break kept. */
function mask(value: string): string {
  const lines = value.split('\n');
  return lines.map((l, i) => (l === '' ? '' : `${i === 0 ? l.slice(0, 4) : ''}********`)).join('\n');
}

/** `text` with every secret masked (a short prefix kept), for storing and for showing in findings. */
export function maskSecrets(text: string, hits: readonly SecretHit[] = findSecrets(text)): string {
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  // Overlapping hits (a generic "password=" over a token another rule found) are masked once.
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    out += text.slice(at, hit.start) + mask(text.slice(hit.start, hit.end));
    at = hit.end;
  }
  return out + text.slice(at);
}
