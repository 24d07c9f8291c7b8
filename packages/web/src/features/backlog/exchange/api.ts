// Exchange with trackers (issue #12): stories and bugs out as Jira or Azure DevOps CSV, statuses back in from a Jira
// CSV export (a dry run first, then all of it or nothing).
import type { JiraImportPlan } from '@pi-studio/core/contract/backlog';
import { postFileWithProgress, type UploadProgress } from '../../../lib/api.ts';

export type { JiraImportPlan, UploadProgress };
export type ExportFormat = 'jira' | 'azure';

const base = (code: string) => `/products/${encodeURIComponent(code)}/stories`;

/** A plain link: the browser downloads the CSV with the session cookie. */
export const exportHref = (code: string, format: ExportFormat) => `/api/v1${base(code)}/export.csv?format=${format}`;

/** The server takes at most 10 MB; checked here too so a person hears it before a long upload. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const importJira = (
  code: string,
  file: Blob,
  dryRun: boolean,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  postFileWithProgress<JiraImportPlan>(
    `${base(code)}/import/jira?dryRun=${dryRun}`,
    file,
    'text/csv',
    onProgress,
    signal,
  );
