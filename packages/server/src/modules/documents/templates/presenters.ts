// What the templates API sends: ISO dates, version strings, people as {id, name, email}, typed by the contract
// (core/contract/templates.ts).
import type { TemplateDetail, TemplateSummary, TemplateVersion } from '@pi-studio/core/contract/templates';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { TemplateRecord, TemplateVersionRecord } from './repo.ts';

export const presentTemplateVersion = (v: TemplateVersionRecord): TemplateVersion => ({
  id: v.id,
  version: formatVersion(v),
  createdAt: v.createdAt.toISOString(),
  author: v.author,
});

export function presentTemplate(t: TemplateRecord): TemplateSummary {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    subsidiary: t.subsidiary,
    createdAt: t.createdAt.toISOString(),
    currentVersion: t.current ? presentTemplateVersion(t.current) : null,
  };
}

export function presentTemplateDetail(
  t: TemplateRecord,
  versions: TemplateVersionRecord[],
  body: string,
): TemplateDetail {
  return { ...presentTemplate(t), versions: versions.map(presentTemplateVersion), body };
}
