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
