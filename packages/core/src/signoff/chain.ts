// The sign-off hash chain (ADR 0019): what is hashed and how a chain is checked. Each product's sign-offs form one
// chain: record n carries prevHash = recordHash of record n-1 (the genesis record: 64 zeros), and recordHash =
// sha256 over the canonical JSON of the record's fields including prevHash. Changing any stored field of any record,
// deleting one or reordering them breaks a hash or a link from there on. Pure: the caller passes sha256 (the server's
// node:crypto, a test's), so the browser could check a chain too.
import { canonicalJson } from './canonical.ts';

export type Sha256 = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);
/** The version of the canonical record below; a new field means a new version, old records keep theirs. */
export const RECORD_FORMAT = 1;

/** A story as it was signed: its key, its revision then, and the hash of its content then. */
export type SignedStory = { key: string; revision: number; contentHash: string };

/** What a story's content hash covers: what a PO/VB reads and accepts (not its status, estimate or sprint). */
export type StoryContent = {
  title: string;
  narrative: string;
  acceptance: string;
  type: string;
  priority: string | null;
};

/** Every stored field of a sign-off that its record hash covers. */
export type SignoffRecord = {
  id: string;
  productId: string;
  number: number;
  key: string;
  scope: string;
  sessionId: string | null;
  buildVersion: string;
  decision: string;
  conditions: string;
  signedStories: readonly SignedStory[];
  contentHash: string;
  signerId: string | null;
  signerName: string;
  signedAt: Date;
  prevHash: string;
};

export const storyContentHash = (story: StoryContent, sha256: Sha256): string =>
  sha256(
    canonicalJson({
      title: story.title,
      narrative: story.narrative,
      acceptance: story.acceptance,
      type: story.type,
      priority: story.priority,
    }),
  );

/** The hash over the signed list, in its stored order (keys ascending by number when signed). */
export const signedListHash = (stories: readonly SignedStory[], sha256: Sha256): string =>
  sha256(canonicalJson(stories.map((s) => ({ key: s.key, revision: s.revision, contentHash: s.contentHash }))));

export function recordText(r: SignoffRecord): string {
  return canonicalJson({
    format: RECORD_FORMAT,
    id: r.id,
    productId: r.productId,
    number: r.number,
    key: r.key,
    scope: r.scope,
    sessionId: r.sessionId,
    buildVersion: r.buildVersion,
    decision: r.decision,
    conditions: r.conditions,
    signedStories: r.signedStories.map((s) => ({ key: s.key, revision: s.revision, contentHash: s.contentHash })),
    contentHash: r.contentHash,
    signerId: r.signerId,
    signerName: r.signerName,
    signedAt: r.signedAt,
    prevHash: r.prevHash,
  });
}

export const recordHash = (r: SignoffRecord, sha256: Sha256): string => sha256(recordText(r));

export type ChainProblem = { key: string; reason: string };

/**
 * Checks one product's chain, `records` in any order, each with its stored recordHash. `lastNumber` is the
 * product's counter (the number the last sign-off took): a chain shorter than it lost its newest records.
 */
export function verifyChain(
  records: readonly (SignoffRecord & { recordHash: string })[],
  sha256: Sha256,
  lastNumber: number,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const sorted = [...records].sort((a, b) => a.number - b.number);
  let prev: (typeof sorted)[number] | undefined;
  for (const r of sorted) {
    const expectedNumber = (prev?.number ?? 0) + 1;
    if (r.number !== expectedNumber) {
      problems.push({
        key: r.key,
        reason: `number ${r.number} follows ${prev ? `${prev.key} (number ${prev.number})` : 'the start of the chain'}: sign-off number ${expectedNumber} is missing`,
      });
    }
    const expectedPrev = prev?.recordHash ?? GENESIS_HASH;
    if (r.prevHash !== expectedPrev) {
      problems.push({
        key: r.key,
        reason: `prevHash ${short(r.prevHash)} does not link to ${prev ? `${prev.key}'s recordHash ${short(expectedPrev)}` : 'the genesis hash'}`,
      });
    }
    let computed: string;
    try {
      computed = recordHash(r, sha256);
    } catch (err) {
      problems.push({ key: r.key, reason: `the record cannot be hashed: ${(err as Error).message}` });
      prev = r;
      continue;
    }
    if (computed !== r.recordHash) {
      problems.push({
        key: r.key,
        reason: `recordHash ${short(r.recordHash)} does not match the record (recomputed ${short(computed)}): a stored field was changed`,
      });
    }
    const listHash = signedListHash(r.signedStories, sha256);
    if (listHash !== r.contentHash) {
      problems.push({ key: r.key, reason: `contentHash ${short(r.contentHash)} does not match the signed stories` });
    }
    prev = r;
  }
  const last = sorted.at(-1)?.number ?? 0;
  if (lastNumber > last) {
    problems.push({
      key: prev?.key ?? '(none)',
      reason: `the chain ends at number ${last} but ${lastNumber} sign-off(s) were recorded: the newest are missing`,
    });
  }
  return problems;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** An accepted sign-off's story whose content is no longer what was signed. */
export type StoryChange = { signoff: string; storyKey: string; signedRevision: number; currentRevision: number | null };

/** The current state of a signed story, by key; a story that was deleted is absent. */
export type CurrentStory = { revision: number; contentHash: string };

const ACCEPTED = new Set(['signed', 'signed_with_conditions']);

/**
 * Signed content changed since: for each story, the newest accepted sign-off (signed, signed with conditions) that
 * lists it is compared with the story now. An older sign-off of a story that a later one signed again is settled by
 * the later one; a refusal accepted nothing, so changes after it are expected and not flagged.
 */
export function changedSinceSignoff(
  records: readonly Pick<SignoffRecord, 'key' | 'number' | 'decision' | 'signedStories'>[],
  current: ReadonlyMap<string, CurrentStory>,
): StoryChange[] {
  const newest = new Map<string, { signoff: string; story: SignedStory; number: number }>();
  for (const r of records) {
    if (!ACCEPTED.has(r.decision)) continue;
    for (const s of r.signedStories) {
      const seen = newest.get(s.key);
      if (!seen || seen.number < r.number) newest.set(s.key, { signoff: r.key, story: s, number: r.number });
    }
  }
  const changes: StoryChange[] = [];
  for (const [key, { signoff, story }] of newest) {
    const now = current.get(key);
    if (now && now.contentHash === story.contentHash) continue;
    changes.push({ signoff, storyKey: key, signedRevision: story.revision, currentRevision: now?.revision ?? null });
  }
  return changes.sort((a, b) => byKey(a.signoff, b.signoff) || byKey(a.storyKey, b.storyKey));
}

/** Keys in their numbers' order: P-SO-2 before P-SO-10. */
export function byKey(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
