import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../db/change-feed.ts';
import { ReadCache } from './read-cache.ts';

function liveFeed(): ChangeFeed {
  const feed = new ChangeFeed();
  feed.setLive(true);
  return feed;
}

/** A loader that counts its calls and returns `value:<call number>`. */
function counter() {
  let calls = 0;
  const load = async () => `value:${++calls}`;
  return { load, calls: () => calls };
}

describe('ReadCache', () => {
  it('answers from memory until the feed reports a change', async () => {
    const feed = liveFeed();
    const cache = new ReadCache<string>(feed, { enabled: true });
    const c = counter();
    expect(await cache.get('k', c.load)).toBe('value:1');
    expect(await cache.get('k', c.load)).toBe('value:1');
    expect(c.calls()).toBe(1);
    feed.bump();
    expect(await cache.get('k', c.load)).toBe('value:2');
    expect(await cache.get('k', c.load)).toBe('value:2');
    expect(c.calls()).toBe(2);
  });

  it('keys entries apart', async () => {
    const cache = new ReadCache<string>(liveFeed(), { enabled: true });
    expect(await cache.get('a', async () => 'A')).toBe('A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
    expect(await cache.get('a', async () => 'other')).toBe('A');
  });

  it('does not keep a value loaded while a change landed (it may predate the change)', async () => {
    const feed = liveFeed();
    const cache = new ReadCache<string>(feed, { enabled: true });
    const c = counter();
    const racing = async () => {
      const v = await c.load();
      feed.bump();
      return v;
    };
    expect(await cache.get('k', racing)).toBe('value:1');
    expect(await cache.get('k', c.load)).toBe('value:2');
    expect(await cache.get('k', c.load)).toBe('value:2');
  });

  it('never answers from memory while the feed is not live, nor when disabled', async () => {
    const feed = new ChangeFeed();
    const notLive = new ReadCache<string>(feed, { enabled: true });
    const off = new ReadCache<string>(liveFeed(), { enabled: false });
    for (const cache of [notLive, off]) {
      const c = counter();
      await cache.get('k', c.load);
      await cache.get('k', c.load);
      expect(c.calls()).toBe(2);
    }
    feed.setLive(true);
    const c = counter();
    await notLive.get('k', c.load);
    await notLive.get('k', c.load);
    expect(c.calls()).toBe(1);
    feed.setLive(false);
    await notLive.get('k', c.load);
    expect(c.calls()).toBe(2);
  });

  it('does not cache a miss, and stays within its size bound', async () => {
    const cache = new ReadCache<string>(liveFeed(), { enabled: true, maxEntries: 3 });
    let misses = 0;
    const miss = async () => {
      misses++;
      return undefined;
    };
    await cache.get('gone', miss);
    await cache.get('gone', miss);
    expect(misses).toBe(2);
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => k);
    const c = counter();
    expect(await cache.get('d', c.load)).toBe('d');
    expect(await cache.get('a', c.load)).toBe('value:1');
  });
});

describe('ChangeFeed', () => {
  it('tells watchers when it goes live or stops, not on every change', () => {
    const feed = new ChangeFeed();
    const seen: boolean[] = [];
    const unwatch = feed.onLiveChange((live) => seen.push(live));
    feed.setLive(true);
    feed.bump();
    feed.setLive(true);
    feed.setLive(false);
    unwatch();
    feed.setLive(true);
    expect(seen).toEqual([true, false]);
  });

  it('keeps a keyed value through changes to other keys, and drops it on its own key or a table-wide change', async () => {
    const feed = liveFeed();
    const cache = new ReadCache<{ id: string; n: number }>(feed, { enabled: true, keyOf: (v) => `product:${v.id}` });
    let calls = 0;
    const load = (id: string) => async () => ({ id, n: ++calls });
    await cache.get('A', load('a'));
    await cache.get('B', load('b'));
    feed.heard('products:b,c');
    expect((await cache.get('A', load('a'))).n).toBe(1);
    expect((await cache.get('B', load('b'))).n).toBe(3);
    feed.heard('documents');
    expect((await cache.get('A', load('a'))).n).toBe(4);
    expect((await cache.get('B', load('b'))).n).toBe(5);
  });

  it('does not keep a keyed value whose own key changed while it loaded', async () => {
    const feed = liveFeed();
    const cache = new ReadCache<{ id: string; n: number }>(feed, { enabled: true, keyOf: (v) => `product:${v.id}` });
    let calls = 0;
    const racing = async () => {
      feed.heard('products:a');
      return { id: 'a', n: ++calls };
    };
    expect((await cache.get('A', racing)).n).toBe(1);
    expect((await cache.get('A', async () => ({ id: 'a', n: ++calls }))).n).toBe(2);
    const other = async () => {
      feed.heard('products:z');
      return { id: 'a', n: ++calls };
    };
    await cache.get('B', other);
    expect((await cache.get('B', async () => ({ id: 'a', n: ++calls }))).n).toBe(3);
  });

  it('an unkeyed value (a list page) is stale after any change, keyed or not', async () => {
    const feed = liveFeed();
    const cache = new ReadCache<string>(feed, { enabled: true });
    const c = counter();
    await cache.get('page', c.load);
    feed.heard('products:a');
    expect(await cache.get('page', c.load)).toBe('value:2');
  });
});
