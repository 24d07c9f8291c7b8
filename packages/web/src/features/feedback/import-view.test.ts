import { describe, expect, it } from 'vitest';
import type { FeedbackImportPreview } from './api.ts';
import {
  commitLine,
  droppedLine,
  exportContentType,
  previewFacts,
  repeatNote,
  repeatsLine,
  selectableIndices,
  suggestedIndices,
  uploadProgress,
} from './import-view.ts';

const msg = (index: number, over: Partial<FeedbackImportPreview['items'][number]> = {}) => ({
  index,
  author: 'Ana',
  timestamp: '2026-11-05T09:02:00.000Z',
  text: `message ${index}`,
  messageRef: `line ${index + 1}`,
  similar: [],
  duplicateOfIndex: null,
  alreadyImported: false,
  ...over,
});

const preview: FeedbackImportPreview = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'draft',
  source: 'whatsapp',
  fileHash: 'ab',
  fileName: 'pilot.txt',
  messages: 3,
  dropped: { system: 1, media: 2, deleted: 0, bots: 0 },
  authors: [
    { name: 'Ana', count: 2 },
    { name: 'Ben', count: 1 },
  ],
  from: '2026-11-05T09:02:00.000Z',
  to: '2026-11-07T10:00:00.000Z',
  alreadyImported: false,
  expiresAt: '2026-11-08T10:00:00.000Z',
  items: [msg(0), msg(1, { duplicateOfIndex: 0 }), msg(2, { alreadyImported: true })],
  clusters: [{ members: [0, 1], links: [{ index: 1, similarTo: 0, percent: 80, shared: ['card', 'declined'] }] }],
};

describe('import wizard words', () => {
  it('sends each kind of export with the media type the server reads', () => {
    expect(['chat.txt', 'Export.ZIP', 'teams.json', 'chat'].map(exportContentType)).toEqual([
      'text/plain',
      'application/zip',
      'application/json',
      'application/octet-stream',
    ]);
  });

  it('ticks new messages that repeat nothing; select all takes all not imported before', () => {
    expect([...suggestedIndices(preview)]).toEqual([0]);
    expect([...selectableIndices(preview)]).toEqual([0, 1]);
  });

  it('states the preview’s facts, what was left out, and why a message repeats another', () => {
    expect(previewFacts(preview)).toBe('3 messages from 2 authors, 5 Nov 2026 – 7 Nov 2026');
    expect(previewFacts({ ...preview, messages: 1, authors: [], from: null, to: null })).toBe(
      '1 message from 0 authors',
    );
    expect(droppedLine(preview.dropped)).toBe('Left out: 1 system line, 2 media messages');
    expect(droppedLine({ system: 0, media: 0, deleted: 0, bots: 0 })).toBeNull();
    expect(repeatNote(preview.items[1] as never, preview)).toBe('Repeats message 1: 80% — shared: card, declined');
    expect(repeatNote(preview.items[0] as never, preview)).toBeNull();
  });

  it('says how many near repeats start unticked, in the right number', () => {
    expect(repeatsLine(1)).toBe('1 message nearly repeats an earlier one and starts unticked.');
    expect(repeatsLine(3)).toBe('3 messages nearly repeat earlier ones and start unticked.');
  });

  it('shows the upload in percent, then that the server reads it', () => {
    expect(uploadProgress({ phase: 'uploading', loaded: 50, total: 200 })).toEqual({
      percent: 25,
      label: 'Uploading… 25%',
    });
    expect(uploadProgress({ phase: 'processing' }).percent).toBeNull();
  });

  it('says what a commit created and skipped', () => {
    const base = { importId: preview.id, skippedIndices: [] };
    expect(commitLine({ ...base, created: [], skipped: 0 })).toBe('0 feedback items created.');
    expect(commitLine({ ...base, created: [{} as never], skipped: 2 })).toBe(
      '1 feedback item created; 2 messages skipped, imported before.',
    );
  });
});
