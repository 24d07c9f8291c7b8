// Validating a pack is CPU work (a 5-million-character pack: seconds), so packs over PACK_INLINE_MAX_CHARS are
// validated in the job pool (`handover.validatePack`), smaller ones inline, with the same result: the report, the
// text as the validator read it with every secret masked, the lines masking changed, and findings that quote no
// secret.
import { normaliseForGate } from '@pi-studio/core/gate/score';
import type { Finding } from '@pi-studio/core/gate/types';
import { findSecrets, maskSecrets, type SecretHit } from '@pi-studio/core/handover/secrets';
import type { PackKind, PackReport, ProductRecord } from '@pi-studio/core/handover/types';
import { validatePack } from '@pi-studio/core/handover/validate';

export const PACK_INLINE_MAX_CHARS = 64 * 1024;

export type PackJobInput = { text: string; kind: PackKind; product: ProductRecord };
export type ValidatedPack = {
  report: PackReport;
  /** The text as validated (normalised as the gate reads it), secrets masked: what is stored. */
  maskedText: string;
  maskedLines: number[];
  findings: Finding[];
};

/** The pool's entry point (one structured-cloneable input). */
export function validatePackJob({ text, kind, product }: PackJobInput): ValidatedPack {
  const report = validatePack(text, kind, { product });
  // The stored copy is the text as the validator read it, so the findings' lines and columns point into it, and a
  // secret split by an invisible character is masked as the validator found it.
  const validated = normaliseForGate(text);
  const secrets = findSecrets(validated);
  return {
    report,
    maskedText: maskSecrets(validated, secrets),
    maskedLines: maskedLinesOf(validated, secrets),
    findings: findingsWithoutSecrets(
      report.findings,
      secrets.map((h) => validated.slice(h.start, h.end)),
    ),
  };
}

/** Line breaks in text[from, to). */
function breaksBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The 1-based lines whose text masking changed (a private key's body spans several), in one pass over the text. */
function maskedLinesOf(text: string, hits: readonly SecretHit[]): number[] {
  const lines = new Set<number>();
  let line = 1;
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    line += breaksBetween(text, at, hit.start);
    at = hit.start;
    const last = line + breaksBetween(text, hit.start, Math.max(hit.start, hit.end - 1));
    for (let l = line; l <= last; l++) lines.add(l);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * The validator quotes the masked text, except where it refuses a pack before reading it (too short, binary): that
 * excerpt quotes the upload as sent. So every finding is checked here too: text holding 8 characters of a secret in a
 * row is masked, or dropped when masking its own text cannot find the secret (cut off at the excerpt's end).
 */
function findingsWithoutSecrets(findings: readonly Finding[], secretValues: readonly string[]): Finding[] {
  if (secretValues.length === 0) return [...findings];
  const windows = new Set(
    secretValues.flatMap((v) => Array.from({ length: v.length - 7 }, (_, i) => v.slice(i, i + 8))),
  );
  const leaks = (s: string) => {
    for (const w of windows) if (s.includes(w)) return true;
    return false;
  };
  const clean = (s: string) => {
    if (!leaks(s)) return s;
    const masked = maskSecrets(s);
    return leaks(masked) ? '' : masked;
  };
  return findings.map((f) => ({ ...f, excerpt: clean(f.excerpt), message: clean(f.message), fix: clean(f.fix) }));
}
