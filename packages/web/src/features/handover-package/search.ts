// The package page's address: `?tab=` the part shown (checklist, artifacts, review, gaps) and `?artifact=` the artifact
// kind open in the artifacts tab, so a link or a reload lands on the same place. Unknown values are dropped.
import { ARTIFACT_KINDS, type ArtifactKind } from '@pi-studio/core/contract/handover-package';

export const PACKAGE_TABS = ['checklist', 'artifacts', 'review', 'gaps'] as const;
export type PackageTab = (typeof PACKAGE_TABS)[number];
export type PackageSearch = { tab?: PackageTab; artifact?: ArtifactKind };

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

export function packageSearch(s: Record<string, unknown>): PackageSearch {
  return {
    tab: isOneOf(PACKAGE_TABS, s.tab) ? s.tab : undefined,
    artifact: isOneOf(ARTIFACT_KINDS, s.artifact) ? s.artifact : undefined,
  };
}
