// The handover packs API (issue #14): QA, security, runbook, release-notes and documentation packs uploaded per
// product, validated by the server and kept as numbered versions with secrets masked. Request and response types come
// from the contract in core (ADR 0010); none is declared here. Guide: docs/handover-packs.md.
import type { PackOverview, PackVersion, PackVersionDetail, PackVersionList } from '@pi-studio/core/contract/handover';
import { PACK_MEDIA_TYPES } from '@pi-studio/core/contract/handover';
import type { PackKind } from '@pi-studio/core/handover/types';
import { api, postFileWithProgress, qs, type UploadProgress } from '../../lib/api.ts';

export type { PackKind, PackOverview, PackVersion, PackVersionDetail, UploadProgress };

const enc = encodeURIComponent;
const base = (code: string) => `/products/${enc(code)}/handover/packs`;

export const fetchPacks = (code: string) => api.get<PackOverview>(base(code));
export const fetchPackVersions = (code: string, kind: PackKind) => api.get<PackVersionList>(`${base(code)}/${kind}`);
export const fetchPackVersion = (code: string, kind: PackKind, version: number) =>
  api.get<PackVersionDetail>(`${base(code)}/${kind}/${version}`);

/** The masked text as a download (the browser's cookie opens it; it answers as an attachment). */
export const packTextUrl = (code: string, kind: PackKind, version: number) =>
  `/api/v1${base(code)}/${kind}/${version}/text`;

/** The media type a pack file is sent as, from its name; null for a file the server does not take. */
export function packMediaType(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'md' || ext === 'markdown') return PACK_MEDIA_TYPES.markdown;
  if (ext === 'txt') return PACK_MEDIA_TYPES.text;
  if (ext === 'docx') return PACK_MEDIA_TYPES.docx;
  return null;
}

export function uploadPack(
  code: string,
  kind: PackKind,
  file: File,
  mediaType: string,
  onProgress: (p: UploadProgress) => void,
) {
  return postFileWithProgress<PackVersionDetail>(
    `${base(code)}${qs({ kind, fileName: file.name.slice(0, 255) })}`,
    file,
    mediaType,
    onProgress,
  );
}
