// The import wizard's words and choices, pure so they are tested without a browser (import-view.test.ts): the media
// type an export is sent as, which messages start ticked, the preview's facts, a repeated message's note, the
// upload's progress and the commit's result.
import { explainSimilar } from '@pi-studio/core/feedback/similar';
import { countOf } from '../backlog/stories-view.ts';
import type { FeedbackImportCommitted, FeedbackImportPreview, UploadProgress } from './api.ts';

type PreviewItem = FeedbackImportPreview['items'][number];

/** What the server reads the file as, from its name: WhatsApp .txt, a zip (Slack, WhatsApp with media), Teams JSON. */
export function exportContentType(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').at(-1);
  if (ext === 'txt') return 'text/plain';
  if (ext === 'zip') return 'application/zip';
  if (ext === 'json') return 'application/json';
  return 'application/octet-stream';
}

/** Ticked at first: every message not imported before and not a near repeat of an earlier message of the file. */
export function suggestedIndices(preview: Pick<FeedbackImportPreview, 'items'>): Set<number> {
  return new Set(preview.items.filter((i) => !i.alreadyImported && i.duplicateOfIndex === null).map((i) => i.index));
}

/** "Select all": every message a commit would create (those imported before are skipped anyway). */
export const selectableIndices = (preview: Pick<FeedbackImportPreview, 'items'>) =>
  new Set(preview.items.filter((i) => !i.alreadyImported).map((i) => i.index));

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "12 messages from 3 authors, 5 Nov 2026 – 7 Nov 2026". */
export function previewFacts(p: FeedbackImportPreview): string {
  const span =
    p.from && p.to
      ? `, ${day.format(new Date(p.from))}${p.from.slice(0, 10) === p.to.slice(0, 10) ? '' : ` – ${day.format(new Date(p.to))}`}`
      : '';
  return `${countOf(p.messages, 'message')} from ${countOf(p.authors.length, 'author')}${span}`;
}

/** "Left out: 2 system lines, 1 media message" — what the parser dropped; null when nothing was. */
export function droppedLine(d: FeedbackImportPreview['dropped']): string | null {
  const parts = [
    d.system ? countOf(d.system, 'system line') : '',
    d.media ? countOf(d.media, 'media message') : '',
    d.deleted ? countOf(d.deleted, 'deleted message') : '',
    d.bots ? countOf(d.bots, 'bot message') : '',
  ].filter(Boolean);
  return parts.length ? `Left out: ${parts.join(', ')}` : null;
}

/** "Repeats message 1: 80% — shared: card, declined" for a message nearly repeating an earlier one of the file. */
export function repeatNote(item: PreviewItem, preview: Pick<FeedbackImportPreview, 'clusters'>): string | null {
  if (item.duplicateOfIndex === null) return null;
  const link = preview.clusters.flatMap((c) => c.links).find((l) => l.index === item.index);
  const label = `message ${item.duplicateOfIndex + 1}`;
  if (!link) return `Repeats ${label}`;
  return explainSimilar(label, link.percent, link.shared).replace(/^similar to/, 'Repeats');
}

/** "1 message nearly repeats an earlier one and starts unticked." */
export function repeatsLine(n: number): string {
  return n === 1
    ? '1 message nearly repeats an earlier one and starts unticked.'
    : `${countOf(n, 'message')} nearly repeat earlier ones and start unticked.`;
}

/** The upload bar: a percentage while bytes go up, then no figure while the server reads the export. */
export function uploadProgress(p: UploadProgress | null): { percent: number | null; label: string } {
  if (!p) return { percent: 0, label: '' };
  if (p.phase === 'processing') return { percent: null, label: 'Reading the messages and looking for duplicates…' };
  const percent = p.total > 0 ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
  return { percent, label: `Uploading… ${percent}%` };
}

/** "3 feedback items created; 1 skipped, imported before." */
export function commitLine(r: FeedbackImportCommitted): string {
  const created = `${countOf(r.created.length, 'feedback item')} created`;
  return r.skipped > 0 ? `${created}; ${countOf(r.skipped, 'message')} skipped, imported before.` : `${created}.`;
}
