// What the runs API sends, typed by the contract (core/contract/uat.ts).
import type { UatRun, UatScreenshot, UatScreenshotType } from '@pi-studio/core/contract/uat';
import type { RunRecord, ScreenshotRecord } from './repo.ts';

export function presentScreenshot(s: ScreenshotRecord): UatScreenshot {
  return {
    id: s.id,
    runId: s.runId,
    fileName: s.fileName,
    // Stored only after sniffing (core/uat/screenshots.ts), so it is always one of the three.
    mediaType: s.mediaType as UatScreenshotType,
    size: s.size,
    sha256: s.sha256,
    uploadedBy: s.uploadedByName,
    createdAt: s.createdAt.toISOString(),
  };
}

export function presentRuns(runs: readonly RunRecord[], screenshots: readonly ScreenshotRecord[]): UatRun[] {
  return runs.map((r) => ({
    id: r.id,
    caseKey: r.caseKey,
    kind: r.kind,
    result: r.result,
    notes: r.notes,
    testerName: r.testerName,
    byGuest: r.guestLinkId !== null,
    defectBugKey: r.defectBugKey,
    screenshots: screenshots.filter((s) => s.runId === r.id).map(presentScreenshot),
    createdAt: r.createdAt.toISOString(),
  }));
}
