// Tells in-memory read caches when stored data may have changed. Triggers (migration 0001) NOTIFY on every
// committed write to the tables that cached reads are built from, whichever process made it; the feed turns
// that into a generation number. While it cannot hear other processes (listener down) it is not live and
// caches must not answer from memory.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const CHANGES_CHANNEL = 'pistudio_changes';

export class ChangeFeed {
  #generation = 0;
  #live = false;
  readonly #watchers = new Set<(live: boolean) => void>();

  get generation(): number {
    return this.#generation;
  }

  get live(): boolean {
    return this.#live;
  }

  /** Something may have changed: every value cached under an older generation is stale. */
  bump(): void {
    this.#generation++;
  }

  setLive(live: boolean): void {
    const changed = live !== this.#live;
    this.#live = live;
    this.#generation++;
    if (changed) for (const watch of this.#watchers) watch(live);
  }

  /** Called when the feed goes live or stops being live (for logs); returns the unsubscribe. */
  onLiveChange(watch: (live: boolean) => void): () => void {
    this.#watchers.add(watch);
    return () => this.#watchers.delete(watch);
  }
}

export type Follower = { close: () => Promise<void> };

/** PGlite is one in-process connection: its notifications arrive with the COMMIT that caused them. */
export async function followPglite(client: PGlite, feed: ChangeFeed): Promise<Follower> {
  const unlisten = await client.listen(CHANGES_CHANNEL, () => feed.bump());
  feed.setLive(true);
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
    client.on('notification', () => feed.bump());
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
