// Readiness checklist templates (issue #14): the built-in v1 and the versions ProductOps writes after post-handover
// gaps. Any signed-in person reads them; administrators and ProductOps save a new version (403 for others). Types
// come from the contract in core (ADR 0010).
import type { ChecklistTemplateBody, TemplateSummary } from '@pi-studio/core/contract/handover-templates';
import { api } from '../../lib/api.ts';

export type { ChecklistTemplateBody, TemplateSummary };
export type TemplateItem = ChecklistTemplateBody['items'][number];

const enc = encodeURIComponent;

export const fetchTemplates = () => api.get<{ items: TemplateSummary[] }>('/handover/templates');
export const fetchTemplate = (id: string, version: number) =>
  api.get<ChecklistTemplateBody>(`/handover/templates/${enc(id)}/${version}`);
/** The whole template; every problem comes back as one `invalid_params` entry (`items.3.id`). */
export const createTemplate = (body: ChecklistTemplateBody) =>
  api.post<ChecklistTemplateBody>('/handover/templates', body);
