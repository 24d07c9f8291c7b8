// The backup file: gzip'd JSON lines. Line 1 is the header, then one line per row in foreign-key-safe table
// order (`{"t":"<table>","r":<row as Postgres row_to_json>}`), then a trailer with the total row count so a
// truncated file is detected instead of silently restoring part of the data.
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export const BACKUP_FORMAT = 'pistudio-backup';
export const BACKUP_VERSION = 1;

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  schemaMigration: z.string().min(1),
  source: z.string().optional(),
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string()).min(1), rows: z.number().int().min(0) }),
  ),
});
export type BackupHeader = z.infer<typeof ZBackupHeader>;

export const ZBackupTrailer = z.object({ end: z.literal(true), rows: z.number().int().min(0) });

export const rowLinePrefix = (table: string) => `{"t":${JSON.stringify(table)},"r":`;

/** The file is not a readable PI Studio backup (wrong bytes, wrong header, truncated). Exit code 2 in the CLI. */
export class BackupFormatError extends Error {}

/** The backup is fine but cannot go into this database (not empty, made by a newer version). Exit code 1. */
export class RestoreRefusedError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Streams the lines of a gzip'd file; gzip and read errors surface as BackupFormatError. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const head = Buffer.alloc(2);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new BackupFormatError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const n = fs.readSync(fd, head, 0, 2, 0);
    if (n < 2 || head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
      throw new BackupFormatError(`${file} is not a PI Studio backup (not gzip data)`);
    }
  } finally {
    fs.closeSync(fd);
  }
  const stream = fs.createReadStream(file).pipe(createGunzip());
  stream.setEncoding('utf8'); // decodes multi-byte characters split across chunks correctly
  let rest = '';
  try {
    for await (const chunk of stream) {
      rest += chunk as string;
      let start = 0;
      let nl = rest.indexOf('\n', start);
      while (nl >= 0) {
        yield rest.slice(start, nl);
        start = nl + 1;
        nl = rest.indexOf('\n', start);
      }
      rest = rest.slice(start);
    }
  } catch (err) {
    if (err instanceof BackupFormatError) throw err;
    throw new BackupFormatError(`${file} is damaged or truncated (${(err as Error).message})`);
  } finally {
    stream.destroy();
  }
  if (rest.length > 0) yield rest;
}
