// The handover package API (issue #14): per product and release, the readiness checklist with its score and blockers,
// the versioned artifacts IT runs the product with, the readiness review where IT decides (acceptance makes the
// product Live) and, once live, IT's gap log; across products, the weekly readiness checkpoint. Request and response
// types come from the contract in core (ADR 0010); none is declared here.

import type { ElsUpdate, EvidenceFile, ItemHistory } from '@pi-studio/core/contract/handover-items';
import type {
  ArtifactDraft,
  ArtifactHistory,
  ArtifactKind,
  ArtifactSave,
  ArtifactVersion,
  Checkpoint,
  GapReport,
  HandoverPackage,
  ItemUpdate,
  OwnershipConfirm,
  PackageCreate,
  PostHandoverGap,
  ReviewAgenda,
  ReviewCreate,
} from '@pi-studio/core/contract/handover-package';
import { api } from '../../lib/api.ts';

// The components take every contract type from here.
export type * from '@pi-studio/core/contract/handover-package';
export type { ElsUpdate, EvidenceFile, ItemHistory };
export type CheckpointRow = Checkpoint['items'][number];

const enc = encodeURIComponent;
const base = (code: string) => `/products/${enc(code)}/handover/package`;
const artifact = (code: string, kind: ArtifactKind) => `${base(code)}/artifacts/${kind}`;

export const fetchPackage = (code: string) => api.get<HandoverPackage>(base(code));
export const createPackage = (code: string, body: PackageCreate) => api.post<HandoverPackage>(base(code), body);

/** `revision` is the item's as the editor read it: a change in between answers 409 `stale_version`. */
export const updateItem = (code: string, itemId: string, body: ItemUpdate, revision: number) =>
  api.patch<HandoverPackage>(`${base(code)}/items/${enc(itemId)}`, body, {
    headers: { 'if-match': `"${revision}"` },
  });

const itemPath = (code: string, itemId: string) => `${base(code)}/items/${enc(itemId)}`;
/** One evidence file as multipart (`file`); the server reads its type from the bytes (415 when it is none it takes). */
export const uploadItemFile = (code: string, itemId: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<EvidenceFile>(`${itemPath(code, itemId)}/files`, form);
};
/** A plain link: the browser's cookie opens it and the server answers an attachment. */
export const itemFileUrl = (code: string, itemId: string, fileId: string) =>
  `/api/v1${itemPath(code, itemId)}/files/${enc(fileId)}`;
export const deleteItemFile = (code: string, itemId: string, fileId: string) =>
  api.delete<HandoverPackage>(`${itemPath(code, itemId)}/files/${enc(fileId)}`);
export const fetchItemHistory = (code: string, itemId: string) =>
  api.get<ItemHistory>(`${itemPath(code, itemId)}/history`);
export const updateEls = (code: string, body: ElsUpdate) => api.patch<HandoverPackage>(`${base(code)}/els`, body);

export const fetchArtifactHistory = (code: string, kind: ArtifactKind) =>
  api.get<ArtifactHistory>(artifact(code, kind));
export const fetchArtifactVersion = (code: string, kind: ArtifactKind, version: number) =>
  api.get<ArtifactVersion>(`${artifact(code, kind)}/versions/${version}`);
export const fetchArtifactDraft = (code: string, kind: ArtifactKind) =>
  api.get<ArtifactDraft>(`${artifact(code, kind)}/draft`);
export const saveArtifact = (code: string, kind: ArtifactKind, body: ArtifactSave) =>
  api.post<ArtifactVersion>(artifact(code, kind), body);

export const fetchAgenda = (code: string) => api.get<ReviewAgenda>(`${base(code)}/agenda`);
export const recordReview = (code: string, body: ReviewCreate) =>
  api.post<HandoverPackage>(`${base(code)}/reviews`, body);

const gaps = (code: string) => `/products/${enc(code)}/handover/gaps`;
export const fetchGaps = (code: string) => api.get<{ items: PostHandoverGap[] }>(gaps(code));
export const reportGap = (code: string, body: GapReport) => api.post<PostHandoverGap>(gaps(code), body);

/** After IT accepted: who runs and supports the product, who is on call, and the open items (again replaces it). */
export const confirmOwnership = (code: string, body: OwnershipConfirm) =>
  api.post<HandoverPackage>(`${base(code)}/ownership`, body);

export type ExportFormat = 'zip' | 'pdf' | 'docx';
/** The whole package as a file; plain links (the browser's cookie opens them, the server answers an attachment). */
export const packageExportUrl = (code: string, format: ExportFormat) => `/api/v1${base(code)}/export.${format}`;

export const fetchCheckpoint = () => api.get<Checkpoint>('/handover/checkpoint');
/** The checkpoint as a Markdown file (the browser's cookie opens it; it answers as an attachment). */
export const CHECKPOINT_MARKDOWN_URL = '/api/v1/handover/checkpoint.md';
export const CHECKPOINT_PDF_URL = '/api/v1/handover/checkpoint.pdf';
