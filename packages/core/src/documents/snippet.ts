// Search snippets: the database marks hits with marker strings; everything else is escaped here,
// so a document containing `<script>` can never inject markup into the results list.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Escapes `text` and turns `start…stop` marker pairs into `<mark>…</mark>`. Markers must be made of
 * characters escapeHtml leaves alone (letters, digits) so they survive escaping intact.
 */
export function markersToHtml(text: string, start: string, stop: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return escapeHtml(collapsed).split(start).join('<mark>').split(stop).join('</mark>');
}
