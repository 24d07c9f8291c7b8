// The generated WhatsApp exports of the intake benchmark (issue #13): deterministic, so every run reads the same bytes.
// Feedback a UAT group writes, so that about one message in five repeats another in other words.
const SUBJECTS = ['checkout', 'refund page', 'payout report', 'login screen', 'card form', 'export button', 'search'];
const PROBLEMS = [
  'declines my debit card every time',
  'shows a blank page after saving',
  'takes more than a minute to load',
  'loses the amount I typed',
  'says the session expired although I just signed in',
  'shows yesterday instead of today',
];
const NAMES = ['Omar Haddad', 'Leila Farouk', 'Karim', 'Amara Nwosu', 'Sarah Lindqvist', 'Musa Okafor', 'Youssef'];

/** A deterministic Android export (24-hour, day-first) of `count` messages, some multi-line, some system lines. */
export function whatsappExport(count: number, chatter?: (i: number) => string): string {
  const lines = ['01/11/2026, 08:00 - Messages and calls are end-to-end encrypted. Tap to learn more.'];
  for (let i = 0; i < count; i++) {
    const minute = 8 * 60 + i;
    const day = 1 + (Math.floor(minute / 1440) % 28);
    const month = 11 + (Math.floor(minute / (1440 * 28)) % 2);
    const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const who = NAMES[i % NAMES.length];
    const subject = SUBJECTS[(i * 5) % SUBJECTS.length];
    const problem = PROBLEMS[(i * 11) % PROBLEMS.length];
    const text =
      i % 5 === 0
        ? `the ${subject} ${problem} again, ticket ${i % 997}`
        : (chatter?.(i) ??
          `Message ${i}: build ${i % 89} of the ${subject} ${i % 3 === 0 ? `looks fine\nexcept item ${i % 13}` : 'works for me'}`);
    lines.push(`${String(day).padStart(2, '0')}/${month}/2026, ${hh}:${mm} - ${who}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}

// A chat of distinct messages: people talking about many things over a skewed vocabulary (a few words common, most
// rare, as in real chats), with the same one message in five repeating a complaint. Pseudo-words from syllables, a
// seeded mulberry32 generator: the same export on every run.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'ta',
  'vo',
  'shi',
  'del',
  'pra',
  'nu',
  'ge',
  'bor',
  'fi',
  'qua',
  'ze',
  'lan',
];

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Like whatsappExport, but the four messages in five that are no complaint are distinct sentences. */
export function distinctExport(count: number): string {
  const random = mulberry32(12345);
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(
      '',
    ),
  );
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)];
  return whatsappExport(count, () => Array.from({ length: 5 + Math.floor(random() * 10) }, word).join(' '));
}
