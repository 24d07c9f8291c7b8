// Stored pack versions → the contract's shapes: dates as ISO strings, the verdict as the contract's enum.
import type { PackVersion, PackVersionDetail } from '@pi-studio/core/contract/handover';
import type { Verdict } from '@pi-studio/core/gate/types';
import type { PackDetailRecord, PackRecord } from './repo.ts';

export function presentPack(productCode: string, p: PackRecord): PackVersion {
  return {
    id: p.id,
    productCode,
    kind: p.kind,
    version: p.version,
    fileName: p.fileName,
    mediaType: p.mediaType,
    size: p.size,
    sha256: p.sha256,
    score: p.score,
    verdict: p.verdict as Verdict,
    blockers: p.blockers,
    maskedLines: p.maskedLines,
    uploadedBy: p.uploadedBy,
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentPackDetail(productCode: string, p: PackDetailRecord): PackVersionDetail {
  return { ...presentPack(productCode, p), findings: p.findings };
}
