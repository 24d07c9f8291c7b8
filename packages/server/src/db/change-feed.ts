// Tells in-memory read caches when stored data may have changed. Triggers (migration 0001) NOTIFY on every
// committed write to the tables that cached reads are built from, whichever process made it; the feed turns
// that into a generation number. While it cannot hear other processes (listener down) it is not live and
// caches must not answer from memory.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const CHANGES_CHANNEL = 'pistudio_changes';

/** The notification payload of a change to a few products: `products:<id>,<id>,…` (migration 0005). */
const PRODUCTS_PAYLOAD = 'products:';
/** Keys remembered one by one; past this many, a keyed change counts as a change to everything. */
const MAX_KEYS = 10_000;

/** The key a cached value names when only changes to one product can make it stale. */
export const productKey = (productId: string) => `product:${productId}`;

export class ChangeFeed {
  #generation = 0;
  /** The generation of the last change that may touch anything. */
  #everything = 0;
  /** Per key, the generation of its last change (only changes after `#everything` are kept). */
  readonly #keyed = new Map<string, number>();
  #live = false;
  /** True when a write's notification is handled before the write's caller resumes (PGlite: one connection). */
  #atCommit = false;
  readonly #watchers = new Set<(live: boolean) => void>();

  /** Counts every change, keyed or not: a value cached for no key is current only at the same generation. */
  get generation(): number {
    return this.#generation;
  }

  get live(): boolean {
    return this.#live;
  }

  get deliversAtCommit(): boolean {
    return this.#atCommit;
  }

  /** Something may have changed; with `key`, only what depends on that key. */
  bump(key?: string): void {
    this.#generation++;
    if (key === undefined || this.#keyed.size >= MAX_KEYS) {
      this.#everything = this.#generation;
      this.#keyed.clear();
    } else {
      this.#keyed.set(key, this.#generation);
    }
  }

  /** Nothing that can change a value read at generation `since` (and depending on `key` alone, if given) changed. */
  unchangedSince(since: number, key?: string): boolean {
    if (key === undefined) return since === this.#generation;
    return this.#everything <= since && (this.#keyed.get(key) ?? 0) <= since;
  }

  /** A notification from the database: the changed table, or `products:<ids>` for a few products. */
  heard(payload: string | undefined): void {
    if (!payload?.startsWith(PRODUCTS_PAYLOAD)) this.bump();
    else for (const id of payload.slice(PRODUCTS_PAYLOAD.length).split(',')) this.bump(productKey(id));
  }

  setLive(live: boolean, atCommit = false): void {
    const changed = live !== this.#live;
    this.#live = live;
    this.#atCommit = live && atCommit;
    this.bump();
    if (changed) for (const watch of this.#watchers) watch(live);
  }

  /** Called when the feed goes live or stops being live (for logs); returns the unsubscribe. */
  onLiveChange(watch: (live: boolean) => void): () => void {
    this.#watchers.add(watch);
    return () => this.#watchers.delete(watch);
  }
}

export type Follower = { close: () => Promise<void> };

/**
 * PGlite is one in-process connection: its notifications are handled (as microtasks) before the code that committed
 * resumes, so a write is heard before its response leaves.
 */
export async function followPglite(client: PGlite, feed: ChangeFeed): Promise<Follower> {
  const unlisten = await client.listen(CHANGES_CHANNEL, (payload) => feed.heard(payload));
  feed.setLive(true, true);
  return {
    close: async () => {
      feed.setLive(false);
      await unlisten();
    },
  };
}

const MAX_RETRY_MS = 5_000;

/**
 * A dedicated PostgreSQL connection LISTENs. When it drops, the feed stops being live until a new one is
 * listening (retried with backoff), so no cache serves data that a missed notification made stale.
 */
export async function followPostgres(connectionString: string, feed: ChangeFeed): Promise<Follower> {
  let current: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 100;

  const schedule = () => {
    if (closed) return;
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (n) => feed.heard(n.payload));
    client.on('error', () => {}); // 'end' follows and decides
    client.on('end', () => {
      if (current !== client) return;
      current = undefined;
      feed.setLive(false);
      schedule();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
    } catch {
      client.end().catch(() => {});
      schedule();
      return;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    delay = 100;
    feed.setLive(true);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      feed.setLive(false);
      await client?.end().catch(() => {});
    },
  };
}
