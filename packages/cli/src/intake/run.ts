// The work of `pistudio intake parse` once its arguments are valid: refuse a file over the size limit before
// reading it, parse the export with core, find near duplicates if asked, print. Loaded only then, so `--help`
// stays fast. Every IntakeError (and a file that cannot be read) becomes exit 2 with one line.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeLink, findDuplicates } from '@pi-studio/core/intake/duplicates';
import { IntakeError } from '@pi-studio/core/intake/errors';
import { parseExport } from '@pi-studio/core/intake/parse';
import { isSlackFile, parseSlackFiles } from '@pi-studio/core/intake/slack';
import { type IntakeItem, type IntakeResult, MAX_EXPORT_BYTES } from '@pi-studio/core/intake/types';
import { UsageProblem } from '../file-command.ts';

export type IntakeFormat = 'text' | 'json';
export type IntakeSourceOption = 'auto' | 'whatsapp' | 'slack' | 'teams';

type Options = { source: IntakeSourceOption; format: IntakeFormat; dedupe: boolean };

export async function printIntake(file: string, options: Options, stdout: (text: string) => void): Promise<number> {
  let result: IntakeResult;
  try {
    const folder = await isFolder(file);
    if (folder && options.source !== 'auto' && options.source !== 'slack') {
      throw new UsageProblem(`${file} is a folder: only a Slack export is read from a folder (--source slack)`);
    }
    result = folder
      ? parseSlackFiles(await readSlackFolder(file))
      : parseExport(await readExport(file), { source: options.source });
  } catch (err) {
    if (err instanceof IntakeError) throw new UsageProblem(`${file}: ${err.message}`);
    throw err;
  }
  const clusters = options.dedupe ? findDuplicates(result.items.map((i) => i.text)) : undefined;
  if (options.format === 'json') {
    // The public shape only: provenance and drop counts stay in the core API.
    const items = result.items.map(({ author, timestamp, text }) => ({ author, timestamp, text }));
    const body = clusters
      ? { source: result.source, items, clusters: clusters.map((c) => c.members) }
      : { source: result.source, items };
    stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    stdout(asText(file, result, clusters));
  }
  return 0;
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false; // readExport says why it cannot be read
  }
}

/**
 * A Slack export someone already unzipped: its channel folders' day files and users.json, by path relative to the
 * folder, within the same size limit as a file. Other files are not read.
 */
async function readSlackFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  try {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const name = path.relative(dir, full).split(path.sep).join('/');
      if (!isSlackFile(name)) continue;
      total += (await stat(full)).size;
      if (total > MAX_EXPORT_BYTES) {
        throw new UsageProblem(`${dir} holds more than ${MAX_EXPORT_BYTES / 1024 / 1024} MB of export files: split it`);
      }
      files.set(name, new Uint8Array(await readFile(full)));
    }
  } catch (err) {
    if (err instanceof UsageProblem) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageProblem(`cannot read the folder ${dir}${code ? ` (${code})` : ''}`);
  }
  return files;
}

async function readExport(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageProblem(`cannot read ${file}: not a file`);
    if (info.size > MAX_EXPORT_BYTES) {
      throw new UsageProblem(`${file} is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB: split the export`);
    }
    return new Uint8Array(await readFile(file));
  } catch (err) {
    if (err instanceof UsageProblem) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageProblem(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

const SOURCE_NAMES = { whatsapp: 'WhatsApp', slack: 'Slack', teams: 'Teams' } as const;

function asText(file: string, result: IntakeResult, clusters: ReturnType<typeof findDuplicates> | undefined): string {
  const n = result.items.length;
  const left = Object.entries(result.dropped)
    .filter(([, count]) => count > 0)
    .map(([why, count]) => `${count} ${why === 'bots' ? 'from bots' : why}`);
  const lines = [
    `${file}: ${SOURCE_NAMES[result.source]} export, ${n} message${n === 1 ? '' : 's'}${left.length ? ` (left out: ${left.join(', ')})` : ''}`,
  ];
  result.items.forEach((item, i) => {
    lines.push('', `#${i + 1}  ${when(item)}  ${item.author}`, `  ${item.text.replace(/\n/g, '\n  ')}`);
  });
  if (clusters) {
    lines.push(
      '',
      clusters.length === 0
        ? 'No near duplicates.'
        : `Near duplicates: ${clusters.length} group${clusters.length === 1 ? '' : 's'}`,
    );
    for (const c of clusters) {
      lines.push('', `  ${c.members.map((m) => `#${m + 1}`).join(', ')}`);
      for (const link of c.links) lines.push(`    #${link.item + 1} ${describeLink(link, 1)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** 2026-11-05 09:02 UTC: seconds only when the export has them. */
function when(item: IntakeItem): string {
  const [date, time = ''] = item.timestamp.split('T');
  const clock = time.slice(0, 8).endsWith(':00') ? time.slice(0, 5) : time.slice(0, 8);
  return `${date} ${clock} UTC`;
}
