// Azure DevOps exchange (issue #12): stories and bugs as a CSV for Boards → Queries → Import work items. New items
// only (no ID column: an ID on a new row is an error), created in state New (ADO ignores State on creation). Rich-text
// fields are HTML, so text is escaped and line breaks become paragraphs. See shared/research/exchange-formats.md §b.
import { writeCsv } from './csv.ts';
import type { ExchangeItem } from './types.ts';

/**
 * Our priorities onto Azure's 1–4 (1 highest, `Microsoft.VSTS.Common.Priority`). MoSCoW and P0–P3 are four-step
 * scales and map in order; High/Medium/Low take 1–3. No priority leaves the cell empty: ADO then uses its default, 2.
 */
export const AZURE_PRIORITY: Record<NonNullable<ExchangeItem['priority']>, '1' | '2' | '3' | '4'> = {
  Must: '1',
  Should: '2',
  Could: '3',
  "Won't": '4',
  P0: '1',
  P1: '2',
  P2: '3',
  P3: '4',
  High: '1',
  Medium: '2',
  Low: '3',
};

export const AZURE_STUDIO_TAG = 'pi-studio';

/** Azure tags are separated by `;` in one cell, so a tag holds none. */
function azureTag(text: string): string {
  return text.replaceAll(';', ' ').trim().replace(/\s+/g, ' ');
}

/** Work Item Type (User Story / Bug), Title, Description, Acceptance Criteria, Priority, Tags (`; `-separated:
 * pi-studio, the product, our key as `pi-studio-key:<key>`). Azure takes at most 1,000 items per import: the caller
 * splits bigger exports. */
export function storiesToAzureCsv(items: readonly ExchangeItem[]): string {
  const header = ['Work Item Type', 'Title', 'Description', 'Acceptance Criteria', 'Priority', 'Tags'];
  const records = items.map((item) => [
    item.type === 'bug' ? 'Bug' : 'User Story',
    item.title,
    azureDescription(item),
    azureAcceptance(item.acceptance),
    item.priority ? AZURE_PRIORITY[item.priority] : '',
    [AZURE_STUDIO_TAG, azureTag(item.product), azureTag(`pi-studio-key:${item.key}`)]
      .filter((tag) => tag !== '')
      .join('; '),
  ]);
  return writeCsv([header, ...records]);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `&`, `<`, `>`, `"` and `'` as entities: ADO renders the field as HTML, so story text must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Paragraphs (blank-line separated) as `<p>`, single line breaks inside one as `<br>`. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${escapeHtml(block.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** The narrative, then the linked requirement ids. */
export function azureDescription(item: ExchangeItem): string {
  const requirements =
    item.requirementIds.length > 0 ? `<p>Requirements: ${escapeHtml(item.requirementIds.join(', '))}</p>` : '';
  return paragraphs(item.narrative) + requirements;
}

/** Gherkin keeps its indentation and line breaks in a `<pre>` block. */
export function azureAcceptance(gherkin: string): string {
  const text = gherkin.trim();
  return text ? `<pre>${escapeHtml(text)}</pre>` : '';
}
