// Keeps results of hot reads in memory for exactly as long as the change feed reports no committed change.
import type { ChangeFeed } from '../db/change-feed.ts';

export type ReadCacheOptions = { enabled: boolean; maxEntries?: number };

export class ReadCache<V> {
  readonly #entries = new Map<string, { generation: number; value: V }>();
  readonly #max: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ReadCacheOptions,
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
      if (hit && hit.generation === generation) return hit.value;
    }
    const value = await load();
    // A change committed while loading may predate what was read: such a value is returned, never kept.
    if (usable && value !== undefined && this.feed.live && this.feed.generation === generation) {
      if (this.#entries.size >= this.#max) this.#entries.clear();
      this.#entries.set(key, { generation, value });
    }
    return value;
  }
}

/** A cache a module declares once (`readCacheSlot<Row>()`): the slot's identity is its key, the type its values. */
export type ReadCacheSlot<V> = {
  readonly maxEntries?: number;
  /** Never set: carries the value type from the declaration to `ReadCaches.of`. */
  readonly valueType?: V;
};

export function readCacheSlot<V>(options: { maxEntries?: number } = {}): ReadCacheSlot<V> {
  return { maxEntries: options.maxEntries };
}

/**
 * The read caches of one opened database. Modules keep their slots to themselves and get their cache with `of(slot)`,
 * so `Deps` (http/) needs to know no module's row types.
 */
export class ReadCaches {
  readonly #bySlot = new Map<ReadCacheSlot<unknown>, ReadCache<unknown>>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: { enabled: boolean },
  ) {}

  of<V>(slot: ReadCacheSlot<V>): ReadCache<V> {
    let cache = this.#bySlot.get(slot);
    if (!cache) {
      cache = new ReadCache<unknown>(this.feed, { ...this.options, maxEntries: slot.maxEntries });
      this.#bySlot.set(slot, cache);
    }
    return cache as ReadCache<V>;
  }
}
