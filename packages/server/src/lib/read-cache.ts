// Keeps results of hot reads in memory for exactly as long as the change feed reports no committed change.
import type { ChangeFeed } from '../db/change-feed.ts';

export type ReadCacheOptions<V> = {
  enabled: boolean;
  maxEntries?: number;
  /** The change-feed key a value depends on alone (e.g. its product): other keys' changes leave it current. */
  keyOf?: (value: V) => string;
};

export class ReadCache<V> {
  readonly #entries = new Map<string, { generation: number; key: string | undefined; value: V }>();
  readonly #max: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ReadCacheOptions<V>,
  ) {
    this.#max = options.maxEntries ?? 2_000;
  }

  /** The cached value for `key`, or what `load` returns (cached unless a change landed while it ran). */
  get(key: string, load: () => Promise<V>): Promise<V>;
  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const usable = this.options.enabled && this.feed.live;
    const generation = this.feed.generation;
    if (usable) {
      const hit = this.#entries.get(key);
      if (hit && this.feed.unchangedSince(hit.generation, hit.key)) return hit.value;
    }
    const value = await load();
    if (!usable || value === undefined || !this.feed.live) return value;
    // A change committed while loading may predate what was read: such a value is returned, never kept.
    const changeKey = this.options.keyOf?.(value);
    if (this.feed.unchangedSince(generation, changeKey)) {
      if (this.#entries.size >= this.#max) this.#entries.clear();
      this.#entries.set(key, { generation, key: changeKey, value });
    }
    return value;
  }
}

/** A cache a module declares once (`readCacheSlot<Row>()`): the slot's identity is its key, the type its values. */
export type ReadCacheSlot<V> = {
  readonly maxEntries?: number;
  readonly keyOf?: (value: V) => string;
  /** Never set: carries the value type from the declaration to `ReadCaches.of`. */
  readonly valueType?: V;
};

export function readCacheSlot<V>(
  options: { maxEntries?: number; keyOf?: (value: V) => string } = {},
): ReadCacheSlot<V> {
  return { maxEntries: options.maxEntries, keyOf: options.keyOf };
}

/**
 * The read caches of one opened database. Modules keep their slots to themselves and get their cache with `of(slot)`,
 * so `Deps` (http/) needs to know no module's row types.
 */
export class ReadCaches {
  // Each slot's cache holds the slot's own value type; `of` is the only way in and restores it.
  readonly #bySlot = new Map<object, unknown>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: { enabled: boolean },
  ) {}

  of<V>(slot: ReadCacheSlot<V>): ReadCache<V> {
    let cache = this.#bySlot.get(slot) as ReadCache<V> | undefined;
    if (!cache) {
      cache = new ReadCache<V>(this.feed, { ...this.options, maxEntries: slot.maxEntries, keyOf: slot.keyOf });
      this.#bySlot.set(slot, cache);
    }
    return cache;
  }
}
