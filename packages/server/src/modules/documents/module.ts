// The documents module's manifest: documents with their versions, imports, history and diffs, and templates.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { documentRoutes } from './routes.ts';

export const documentsModule = {
  name: 'documents',
  routes: documentRoutes,
  permissions: ['document.read', 'document.write'],
  auditActions: AUDIT_ACTIONS.documents,
  jobs: ['docx.toMarkdown', 'documents.diff'],
} satisfies ModuleManifest;
