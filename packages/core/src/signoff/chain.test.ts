import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  changedSinceSignoff,
  GENESIS_HASH,
  recordHash,
  type SignoffRecord,
  signedListHash,
  storyContentHash,
  verifyChain,
} from './chain.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const story = { title: 'Pay by card', narrative: 'As a buyer…', acceptance: 'Given…', type: 'story', priority: 'must' };
const signed = [{ key: 'P-S-1', revision: 2, contentHash: storyContentHash(story, sha256) }];

/** A chain of `n` well-formed records. */
function chain(n: number) {
  const out: (SignoffRecord & { recordHash: string })[] = [];
  for (let i = 1; i <= n; i++) {
    const r: SignoffRecord = {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      productId: 'p',
      number: i,
      key: `P-SO-${i}`,
      scope: 'release',
      sessionId: null,
      buildVersion: `1.${i}`,
      decision: 'signed',
      conditions: '',
      signedStories: signed,
      contentHash: signedListHash(signed, sha256),
      signerId: null,
      signerName: 'Ada',
      signedAt: new Date(Date.UTC(2026, 2, i)),
      prevHash: out.at(-1)?.recordHash ?? GENESIS_HASH,
    };
    out.push({ ...r, recordHash: recordHash(r, sha256) });
  }
  return out;
}

describe('verifyChain', () => {
  it('accepts an intact chain in any order, and an empty one', () => {
    const c = chain(3);
    expect(verifyChain([c[2], c[0], c[1]] as typeof c, sha256, 3)).toEqual([]);
    expect(verifyChain([], sha256, 0)).toEqual([]);
  });

  it('flags a changed field by its record hash', () => {
    const c = chain(3);
    c[1] = { ...(c[1] as (typeof c)[number]), conditions: 'added later' };
    expect(verifyChain(c, sha256, 3)).toEqual([
      { key: 'P-SO-2', reason: expect.stringMatching(/^recordHash .* does not match the record/) },
    ]);
  });

  it('flags a record re-hashed after a change by the broken link after it', () => {
    const c = chain(3);
    const changed = { ...(c[1] as (typeof c)[number]), decision: 'refused' };
    c[1] = { ...changed, recordHash: recordHash(changed, sha256) };
    expect(verifyChain(c, sha256, 3)).toEqual([
      { key: 'P-SO-3', reason: expect.stringMatching(/^prevHash .* does not link to P-SO-2/) },
    ]);
  });

  it('flags a missing record in the middle and at the end', () => {
    const c = chain(4);
    const problems = verifyChain([c[0], c[2]] as typeof c, sha256, 4);
    expect(problems.map((p) => p.key)).toEqual(['P-SO-3', 'P-SO-3', 'P-SO-3']);
    expect(problems[0]?.reason).toContain('number 2 is missing');
    expect(problems[2]?.reason).toContain('the newest are missing');
  });

  it('flags signed stories that no longer match the content hash', () => {
    const c = chain(1);
    const tampered = { ...(c[0] as (typeof c)[number]), signedStories: [{ ...signed[0], revision: 9 }] } as never;
    const problems = verifyChain([tampered], sha256, 1);
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^recordHash/),
      expect.stringMatching(/^contentHash .* does not match the signed stories/),
    ]);
  });
});

describe('changedSinceSignoff', () => {
  const rec = (number: number, decision: string, revision: number, contentHash: string) => ({
    key: `P-SO-${number}`,
    number,
    decision,
    signedStories: [{ key: 'P-S-1', revision, contentHash }],
  });

  it('compares each story with the newest accepting sign-off of it', () => {
    const now = new Map([['P-S-1', { revision: 3, contentHash: 'h3' }]]);
    expect(changedSinceSignoff([rec(1, 'signed', 2, 'h2')], now)).toEqual([
      { signoff: 'P-SO-1', storyKey: 'P-S-1', signedRevision: 2, currentRevision: 3 },
    ]);
    // Signed again at the new content: settled.
    expect(changedSinceSignoff([rec(1, 'signed', 2, 'h2'), rec(2, 'signed_with_conditions', 3, 'h3')], now)).toEqual(
      [],
    );
    // A refusal accepted nothing: the older signature still decides.
    expect(changedSinceSignoff([rec(1, 'signed', 2, 'h2'), rec(2, 'refused', 3, 'h3')], now)).toHaveLength(1);
  });

  it('reports a deleted story with currentRevision null', () => {
    expect(changedSinceSignoff([rec(1, 'signed', 2, 'h2')], new Map())).toEqual([
      { signoff: 'P-SO-1', storyKey: 'P-S-1', signedRevision: 2, currentRevision: null },
    ]);
  });
});
