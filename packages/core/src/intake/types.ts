// What every chat-export parser returns (issue #13). The CLI prints `source` and each item's author, timestamp and
// text; the other fields are provenance for the core API (where an item came from, so a reviewer can find it).

export type IntakeSource = 'whatsapp' | 'slack' | 'teams';

export type IntakeItem = {
  author: string;
  /** ISO-8601 in UTC (`…Z`). WhatsApp exports carry no zone: their wall-clock time is read as UTC. */
  timestamp: string;
  text: string;
  /** The file inside the export (Slack day file, WhatsApp chat inside a zip); absent for a single-file export. */
  file?: string;
  /** 1-based line of the message's first line (WhatsApp). */
  line?: number;
  /** The export's own message id: Slack `ts`, Teams `id`. */
  messageId?: string;
  /** Slack channel (folder name). */
  channel?: string;
  /** The thread this message replies to: Slack `thread_ts`, Teams `replyToId`. */
  replyTo?: string;
  /** The export marks the message as edited (WhatsApp `<This message was edited>`, Teams `lastEditedDateTime`). */
  edited?: boolean;
};

/** How many messages of the export were left out, by reason (docs/intake.md, "What is dropped"). */
export type IntakeDropped = {
  /** Joins, leaves, group changes, encryption notices, Teams events. */
  system: number;
  /** Media placeholders and attachments without text (`<Media omitted>`, `image omitted`, a Slack file alone). */
  media: number;
  /** Deleted messages ("This message was deleted", Teams `deletedDateTime`). */
  deleted: number;
  /** Bots and apps (Slack `bot_message`, Teams messages from an application). */
  bots: number;
};

export type IntakeResult = {
  source: IntakeSource;
  items: IntakeItem[];
  dropped: IntakeDropped;
};

export const noneDropped = (): IntakeDropped => ({ system: 0, media: 0, deleted: 0, bots: 0 });

/** The size above which an export is refused unread (the CLI checks the file size before reading it). */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;
