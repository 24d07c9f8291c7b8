// Content words as small integer ids, for duplicate detection over 100,000 chat messages: the string path
// (`contentWords`: NFKC, a Unicode regex, a Map per text) costs more than parsing the export. Here a plain-ASCII text
// is read char by char into a buffer, lower-cased, stop-word-checked and stemmed there, and the stem and the word as
// written are interned in a table (open addressing over a char pool): no string is made for a word seen before.
// Any other text takes the string path and interns its results, so both paths give exactly `contentWords`'
// words (a property test holds them equal).
import { contentWords, stopWords } from './content-words.ts';

const A = 97;
const Z = 122;
const APOSTROPHE = 39;

/** Interned words: the same characters always get the same id, ids count up from 0; the stop words come first. */
export class WordTable {
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  private slots = new Int32Array(1 << 12);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  private readonly strings: (string | undefined)[] = [];
  /** A word is a stop word when its id is below this. */
  readonly stopWordIds: number;

  constructor() {
    for (const word of stopWords()) this.idOfString(word);
    this.stopWordIds = this.size;
  }

  get size(): number {
    return this.starts.length;
  }

  /** The id of chars[from, to). */
  idOf(chars: Uint16Array, from: number, to: number): number {
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (chars[i] as number), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) return this.add(chars, from, to, hash, slot);
      const id = held - 1;
      if (this.hashes[id] === hash && this.same(id, chars, from, to)) return id;
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
      const start = this.starts[id] as number;
      s = String.fromCharCode(...this.pool.subarray(start, start + (this.lengths[id] as number)));
      this.strings[id] = s;
    }
    return s;
  }

  private same(id: number, chars: Uint16Array, from: number, to: number): boolean {
    if (this.lengths[id] !== to - from) return false;
    const start = this.starts[id] as number;
    for (let i = from; i < to; i++) if (this.pool[start + i - from] !== chars[i]) return false;
    return true;
  }

  private add(chars: Uint16Array, from: number, to: number, hash: number, slot: number): number {
    const length = to - from;
    if (this.used + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.used + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool.set(chars.subarray(from, to), this.used);
    const id = this.starts.length;
    this.starts.push(this.used);
    this.lengths.push(length);
    this.hashes.push(hash);
    this.used += length;
    this.slots[slot] = id + 1;
    if (this.starts.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
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
  private chars = new Uint16Array(256);
  constructor(
    private readonly table: WordTable,
    private readonly into: ItemWordsBuilder,
  ) {}

  /** False (and nothing added) when the text holds a non-ASCII char: the string path reads it. */
  read(text: string): boolean {
    const n = text.length;
    for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 127) return false;
    if (this.chars.length < n + 2) this.chars = new Uint16Array(n * 2 + 2);
    const chars = this.chars;
    let i = 0;
    while (i < n) {
      let c = lower(text.charCodeAt(i));
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      // [\p{L}\p{N}]+(?:'\p{L}+)* over ASCII, lower-cased into chars[0, len).
      let len = 0;
      while (i < n && isAlnum(c)) {
        chars[len++] = c;
        c = lower(text.charCodeAt(++i));
      }
      while (i + 1 < n && c === APOSTROPHE && isLetter(lower(text.charCodeAt(i + 1)))) {
        chars[len++] = APOSTROPHE;
        c = lower(text.charCodeAt(++i));
        while (i < n && isLetter(c)) {
          chars[len++] = c;
          c = lower(text.charCodeAt(++i));
        }
      }
      if (len < 2) continue;
      const spelling = this.table.idOf(chars, 0, len);
      if (spelling < this.table.stopWordIds) continue;
      this.into.push(this.stem(chars, len, spelling), spelling);
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
