// What a password someone sets must be (OWASP ASVS 5.0, V6.2): long enough, not on a list of common or breached
// passwords, not built from the person's own name or email, not the current one. No composition rules (a digit,
// a capital…): they make passwords harder to remember, not to guess. Pure, so the browser shows the same reasons
// live that the server gives on submit. Applies when a password is set; existing passwords keep signing in.

export const PASSWORD_MIN_LENGTH = 12;
/** ASVS asks for at least 64; the bound only keeps hashing cheap for absurd inputs. */
export const PASSWORD_MAX_LENGTH = 1024;
/** The rule in one sentence, for forms, help texts and the API reference; `whose` names the account's owner. */
export const passwordRule = (whose = "the person's") =>
  `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters of any kind; not a common or breached password, nor containing ${whose} name or email`;
export const PASSWORD_RULE = passwordRule();
/**
 * What request schemas accept before the policy runs: four UTF-16 units per character at most, so the policy,
 * not the schema, names a too-long password, and hashing never sees megabytes.
 */
export const PASSWORD_INPUT_MAX = 4 * PASSWORD_MAX_LENGTH;
/** Shorter parts of a name or email ("Li", "ops") are too common inside unrelated passwords to refuse. */
const MIN_PERSONAL_PART = 4;
/** "aaaaaaaaaaaa" or "abababababab": long enough, but a guesser tries repeats first. */
const MIN_DISTINCT_CHARACTERS = 4;
/** Context-specific words (ASVS 6.2.11): the product's own name is the first guess against it. */
const CONTEXT_WORDS = ['pistudio'];

export type PasswordProblemCode = 'too_short' | 'too_long' | 'repetitive' | 'common' | 'personal' | 'same_as_current';
export type PasswordProblem = { code: PasswordProblemCode; reason: string };

export type PasswordContext = {
  /** The account's email and name: their parts must not appear in the password. */
  email?: string;
  name?: string;
  /** The password being replaced; the new one must differ. */
  current?: string;
  /**
   * The offline list of common and breached passwords, asked with the lower-cased password. The server passes it;
   * the browser goes without (too large to download) and the server's answer adds the reason on submit.
   */
  isCommon?: (lowerCased: string) => boolean;
};

/** Counts code points, not UTF-16 units: an emoji is one character to the person typing it. */
export const passwordLength = (password: string) => [...password].length;

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
const compact = (text: string) => words(text).join('');

/** The parts of an email's local part and of a name that a password must not contain, lower-cased. */
export function personalWords(email = '', name = ''): string[] {
  const local = email.split('@')[0] ?? '';
  const candidates = [...words(local), compact(local), ...words(name), compact(name)];
  return [...new Set(candidates)].filter((w) => passwordLength(w) >= MIN_PERSONAL_PART);
}

/** Every reason the password cannot be set, in the order a person would fix them; empty when it is fine. */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({ code: 'too_short', reason: `use at least ${PASSWORD_MIN_LENGTH} characters (now ${length})` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ code: 'too_long', reason: `use at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (length > 0 && new Set(password).size < MIN_DISTINCT_CHARACTERS) {
    problems.push({ code: 'repetitive', reason: 'repeats too few different characters; that is guessed first' });
  }
  const lower = password.toLowerCase();
  if (length >= PASSWORD_MIN_LENGTH && context.isCommon?.(lower)) {
    problems.push({ code: 'common', reason: 'is on a list of common or breached passwords; choose another' });
  }
  const found = [...personalWords(context.email, context.name), ...CONTEXT_WORDS].find(
    (w) => lower.includes(w) || compact(password).includes(w),
  );
  if (found) {
    problems.push({ code: 'personal', reason: `contains “${found}” from the name, email or product; leave it out` });
  }
  if (context.current !== undefined && password === context.current) {
    problems.push({ code: 'same_as_current', reason: 'is the current password; choose a new one' });
  }
  return problems;
}
