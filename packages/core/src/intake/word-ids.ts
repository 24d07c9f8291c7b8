// Content words as small integer ids, for duplicate detection over 100,000 chat messages: the string path
// (`contentWords`: NFKC, a Unicode regex, a Map per text) costs more than parsing the export. Here a plain-ASCII text
// is copied out as bytes (one `encodeInto`, which also tells whether it is ASCII), read byte by byte, lower-cased,
// stop-word-checked and stemmed (once per distinct word) in a buffer, and the stem and the word as written are
// interned in a table (open addressing over a char pool): no string is made for a word seen before.
// Any other text takes the string path and interns its results, so both paths give exactly `contentWords`'
// words (a property test holds them equal).
import { contentWords, stopWords } from './content-words.ts';

const A = 97;
const Z = 122;
const APOSTROPHE = 39;
const ENCODER = new TextEncoder();

/** Interned words: the same characters always get the same id, ids count up from 0; the stop words come first. */
export class WordTable {
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  // Open addressing, at most half full: slots[2s] = id + 1 (0: empty), slots[2s + 1] = the word's hash; and
  // words[2 · id] = where its chars start in the pool, words[2 · id + 1] = how many. Side by side, so a look-up
  // touches one cache line of each instead of one of four arrays.
  private slots = new Int32Array(2 << 12);
  private words = new Int32Array(2 << 11);
  private count = 0;
  private readonly strings: (string | undefined)[] = [];
  /** A word is a stop word when its id is below this. */
  readonly stopWordIds: number;

  constructor() {
    for (const word of stopWords()) this.idOfString(word);
    this.stopWordIds = this.size;
  }

  get size(): number {
    return this.count;
  }

  /** The id of chars[from, to). */
  idOf(chars: Uint16Array, from: number, to: number): number {
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (chars[i] as number), 0x01000193);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[2 * slot] as number;
      if (held === 0) return this.add(chars, from, to, hash, slot);
      if (slots[2 * slot + 1] === (hash | 0) && this.same(held - 1, chars, from, to)) return held - 1;
    }
  }

  idOfString(word: string): number {
    const chars = new Uint16Array(word.length);
    for (let i = 0; i < word.length; i++) chars[i] = word.charCodeAt(i);
    return this.idOf(chars, 0, chars.length);
  }

  word(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      const start = this.words[2 * id] as number;
      s = String.fromCharCode(...this.pool.subarray(start, start + (this.words[2 * id + 1] as number)));
      this.strings[id] = s;
    }
    return s;
  }

  private same(id: number, chars: Uint16Array, from: number, to: number): boolean {
    if (this.words[2 * id + 1] !== to - from) return false;
    const start = (this.words[2 * id] as number) - from;
    for (let i = from; i < to; i++) if (this.pool[start + i] !== chars[i]) return false;
    return true;
  }

  private add(chars: Uint16Array, from: number, to: number, hash: number, slot: number): number {
    const length = to - from;
    if (this.used + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.used + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let i = 0; i < length; i++) this.pool[this.used + i] = chars[from + i] as number;
    const id = this.count++;
    if (2 * id + 2 > this.words.length) {
      const bigger = new Int32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words[2 * id] = this.used;
    this.words[2 * id + 1] = length;
    this.used += length;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = hash;
    if (this.count * 4 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      let slot = (old[s + 1] as number) & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[s] as number;
      slots[2 * slot + 1] = old[s + 1] as number;
    }
    this.slots = slots;
  }
}

/** Every item's content words as ids: stems[offsets[i] … offsets[i+1]) and, at the same places, the word as written. */
export type ItemWords = { stems: Int32Array; spellings: Int32Array; offsets: Int32Array; table: WordTable };

/** The words of `texts`, interned in `table` (a new one by default; pass an index's table to look texts up in it). */
export function itemWords(texts: readonly string[], table = new WordTable()): ItemWords {
  const into = new ItemWordsBuilder(texts.length);
  const reader = new AsciiReader(table, into);
  texts.forEach((text, i) => {
    into.startItem(i);
    if (!reader.read(text)) {
      for (const [stem, spelled] of contentWords(text)) into.push(table.idOfString(stem), table.idOfString(spelled));
    }
  });
  into.startItem(texts.length);
  return { ...into.done(), table };
}

/** Appends each item's words, skipping a stem the item already has (first spelling kept). */
class ItemWordsBuilder {
  // Sized for the texts (about 16 words each, grown when more): one short text must not cost a large buffer.
  private stems: Int32Array<ArrayBuffer>;
  private spellings: Int32Array<ArrayBuffer>;
  private readonly offsets: Int32Array;
  private used = 0;
  private itemFrom = 0;

  constructor(items: number) {
    this.offsets = new Int32Array(items + 1);
    this.stems = new Int32Array(Math.max(64, items * 16));
    this.spellings = new Int32Array(this.stems.length);
  }

  startItem(i: number): void {
    this.offsets[i] = this.used;
    this.itemFrom = this.used;
  }

  push(stem: number, spelling: number): void {
    for (let k = this.itemFrom; k < this.used; k++) if (this.stems[k] === stem) return;
    if (this.used === this.stems.length) {
      this.stems = grow(this.stems);
      this.spellings = grow(this.spellings);
    }
    this.stems[this.used] = stem;
    this.spellings[this.used++] = spelling;
  }

  done(): Omit<ItemWords, 'table'> {
    return {
      stems: this.stems.subarray(0, this.used),
      spellings: this.spellings.subarray(0, this.used),
      offsets: this.offsets,
    };
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** `contentWords` for plain-ASCII texts, straight into ids. */
class AsciiReader {
  private bytes = new Uint8Array(1024);
  private chars = new Uint16Array(256);
  /** stems[word id] = its stem's id + 1 (0: not stemmed yet): a word met again is not stemmed again. */
  private stems = new Int32Array(1024);
  constructor(
    private readonly table: WordTable,
    private readonly into: ItemWordsBuilder,
  ) {}

  /** False (and nothing added) when the text holds a non-ASCII char: the string path reads it. */
  read(text: string): boolean {
    const n = text.length;
    // One native call copies the text out and tells whether it is ASCII (then one byte a char); the loop below
    // reads bytes, much faster than charCodeAt on the slices of the export a message text is.
    if (this.bytes.length < 3 * n + 1) this.bytes = new Uint8Array(6 * n + 1);
    const bytes = this.bytes;
    const { read, written } = ENCODER.encodeInto(text, bytes);
    if (read !== n || written !== n) return false;
    bytes[n] = 0;
    if (this.chars.length < n + 2) this.chars = new Uint16Array(n * 2 + 2);
    const chars = this.chars;
    let i = 0;
    while (i < n) {
      let c = lower(bytes[i] as number);
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      // [\p{L}\p{N}]+(?:'\p{L}+)* over ASCII, lower-cased into chars[0, len).
      let len = 0;
      while (i < n && isAlnum(c)) {
        chars[len++] = c;
        c = lower(bytes[++i] as number);
      }
      while (i + 1 < n && c === APOSTROPHE && isLetter(lower(bytes[i + 1] as number))) {
        chars[len++] = APOSTROPHE;
        c = lower(bytes[++i] as number);
        while (i < n && isLetter(c)) {
          chars[len++] = c;
          c = lower(bytes[++i] as number);
        }
      }
      if (len < 2) continue;
      const spelling = this.table.idOf(chars, 0, len);
      if (spelling < this.table.stopWordIds) continue;
      if (spelling >= this.stems.length) {
        const bigger = new Int32Array(Math.max(this.stems.length * 2, spelling + 1));
        bigger.set(this.stems);
        this.stems = bigger;
      }
      let stem = (this.stems[spelling] as number) - 1;
      if (stem < 0) {
        stem = this.stem(chars, len, spelling);
        this.stems[spelling] = stem + 1;
      }
      this.into.push(stem, spelling);
    }
    return true;
  }

  /** `stem(word.replace(/'s$/, ''))` of chars[0, len), interned (the word's own id when it is its own stem). */
  private stem(chars: Uint16Array, length: number, word: number): number {
    let len = length;
    if (len >= 2 && chars[len - 1] === 115 && chars[len - 2] === APOSTROPHE) len -= 2;
    if (len > 4 && endsWith(chars, len, 'ies')) {
      len -= 2;
      chars[len - 1] = 121; // y
    } else if (len > 4 && endsWith(chars, len, 'ing')) len -= 3;
    else if (len > 4 && endsWith(chars, len, 'ed')) len -= 2;
    else if (len > 3 && endsWith(chars, len, 'es')) len -= 2;
    else if (len > 3 && endsWith(chars, len, 's') && !endsWith(chars, len, 'ss')) len -= 1;
    if (len > 3 && endsWith(chars, len, 'e')) len -= 1;
    return len === length ? word : this.table.idOf(chars, 0, len);
  }
}

function endsWith(chars: Uint16Array, len: number, suffix: string): boolean {
  if (len < suffix.length) return false;
  for (let k = 0; k < suffix.length; k++) {
    if (chars[len - suffix.length + k] !== suffix.charCodeAt(k)) return false;
  }
  return true;
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isLetter = (c: number) => c >= A && c <= Z;
const isAlnum = (c: number) => (c >= A && c <= Z) || (c >= 48 && c <= 57);
