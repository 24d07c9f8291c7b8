// Where the in-process import's time goes, stage by stage (CPU ms, medians; a full GC before each stage so that each
// pays for its own garbage only): `node --expose-gc --import tsx bench/intake/stages.ts [rounds]`.
import { parseString } from 'whatsapp-chat-parser';
import { findDuplicates } from '../../packages/core/src/intake/duplicates.ts';
import { parseExport } from '../../packages/core/src/intake/parse.ts';
import { itemWords } from '../../packages/core/src/intake/word-ids.ts';
import { distinctExport, whatsappExport } from './exports.ts';

const rounds = Number(process.argv[2] ?? 7);
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
const gc = (globalThis as { gc?: () => void }).gc;
for (const [name, text] of [
  ['look-alike', whatsappExport(100_000)],
  ['distinct', distinctExport(100_000)],
] as const) {
  const bytes = new TextEncoder().encode(text);
  const times: Record<string, number[]> = {};
  const time = <T>(stage: string, run: () => T): T => {
    gc?.();
    const started = process.cpuUsage();
    const result = run();
    const used = process.cpuUsage(started);
    times[stage] = [...(times[stage] ?? []), (used.user + used.system) / 1000];
    return result;
  };
  for (let r = 0; r < rounds; r++) {
    time('library parse only', () => parseString(text, { parseAttachments: false }));
    const texts = time('parseExport', () => parseExport(bytes)).items.map((i) => i.text);
    time('word ids', () => itemWords(texts));
    time('findDuplicates (with word ids)', () => findDuplicates(texts));
  }
  console.log(name, Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v.slice(1))])));
}
