// Verifying sign-off chains: every record's hash, link, number and content hash recomputed from the stored fields
// (core/signoff/chain.ts), the signed stories compared with what they say now, and every evidence file's bytes
// hashed again by the database (they are never sent to the server process for it).
import type { SignoffVerify } from '@pi-studio/core/contract/signoff';
import { changedSinceSignoff, storyContentHash, verifyChain } from '@pi-studio/core/signoff/chain';
import type { Executor } from '../../db/client.ts';
import { sha256Hex } from './hash.ts';
import { evidenceDigests, lastSignoffNumber, listSignoffs, storiesByKeys } from './repo.ts';

async function verifyOne(db: Executor, productId: string): Promise<SignoffVerify> {
  const records = await listSignoffs(db, productId);
  const broken = verifyChain(records, sha256Hex, await lastSignoffNumber(db, productId));
  const keys = [...new Set(records.flatMap((r) => r.signedStories.map((s) => s.key)))];
  const current = new Map(
    (await storiesByKeys(db, productId, keys)).map((s) => [
      s.key,
      { revision: s.revision, contentHash: storyContentHash(s, sha256Hex) },
    ]),
  );
  const changed = changedSinceSignoff(records, current);
  const keyOf = new Map(records.map((r) => [r.id, r.key]));
  const files = await evidenceDigests(
    db,
    records.map((r) => r.id),
  );
  for (const f of files) {
    if (f.actualSha256 !== f.sha256) {
      broken.push({
        key: keyOf.get(f.signoffId) ?? f.signoffId,
        reason: `evidence ${f.fileName}: its bytes no longer match the sha256 recorded when it was added`,
      });
    }
  }
  return {
    ok: broken.length === 0 && changed.length === 0,
    checked: records.length,
    broken,
    changedSinceSignoff: changed,
    evidence: files.map((f) => ({
      signoff: keyOf.get(f.signoffId) ?? f.signoffId,
      fileName: f.fileName,
      sha256: f.sha256,
      addedAt: f.createdAt.toISOString(),
    })),
  };
}

/** The chains of these products, one answer: ok only when every chain is intact and unchanged. */
export async function verifyChains(db: Executor, products: readonly { id: string }[]): Promise<SignoffVerify> {
  const out: SignoffVerify = { ok: true, checked: 0, broken: [], changedSinceSignoff: [], evidence: [] };
  for (const p of products) {
    const one = await verifyOne(db, p.id);
    out.ok &&= one.ok;
    out.checked += one.checked;
    out.broken.push(...one.broken);
    out.changedSinceSignoff.push(...one.changedSinceSignoff);
    out.evidence.push(...one.evidence);
  }
  return out;
}
