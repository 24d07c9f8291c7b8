// The work of `pistudio pack validate` once its arguments are valid: read the pack the way the gate reads PRDs
// (.md, .markdown, .txt, .docx; size, NUL and encoding checks), read the optional product record, validate, print.
// Loaded only then, so `--help` and usage errors stay fast.
import { readFile, stat } from 'node:fs/promises';
import { parseProductRecord } from '@pi-studio/core/handover/product-record';
import { PACK_RULES } from '@pi-studio/core/handover/rules';
import type { PackKind, PackReport, ProductRecord } from '@pi-studio/core/handover/types';
import { validatePack } from '@pi-studio/core/handover/validate';
import { GateInputError } from '../gate/errors.ts';
import { readOneInput } from '../gate/inputs.ts';

export type PackFormat = 'text' | 'json';
export type PackOptions = { kind: PackKind; format: PackFormat; product?: string; strict: boolean };

const MAX_RECORD_BYTES = 1024 * 1024;

export async function validatePackFile(
  file: string,
  options: PackOptions,
  stdout: (text: string) => void,
): Promise<number> {
  const product = options.product === undefined ? undefined : await readProductRecord(options.product);
  const text = await readOneInput(file);
  const report = validatePack(text, options.kind, { product });
  stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : asText(file, report));
  if (report.verdict === 'fail') return 1;
  return report.verdict === 'conditional' && options.strict ? 1 : 0;
}

async function readProductRecord(file: string): Promise<ProductRecord> {
  const unreadable = (err: NodeJS.ErrnoException): never => {
    throw new GateInputError(
      `cannot read product record ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
    );
  };
  const info = await stat(file).catch(unreadable);
  if (!info.isFile()) throw new GateInputError(`product record ${file} is not a file`);
  if (info.size > MAX_RECORD_BYTES) throw new GateInputError(`product record ${file} is larger than 1 MB`);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8').catch(unreadable));
  } catch (err) {
    if (err instanceof GateInputError) throw err;
    throw new GateInputError(`product record ${file} is not valid JSON`);
  }
  const parsed = parseProductRecord(value);
  if (!parsed.ok) throw new GateInputError(`product record ${file}: ${parsed.error}`);
  return parsed.record;
}

const LABELS = new Map(PACK_RULES.map((r) => [r.id, r.summary]));

function asText(file: string, report: PackReport): string {
  const lines = [`${file}: ${report.kind} pack — score ${report.score}, ${report.verdict}`];
  if (report.findings.length === 0) lines.push('  no findings');
  for (const f of report.findings) {
    lines.push(
      `  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.rule}  ${LABELS.get(f.rule) ?? ''}`,
      `      ${f.message}`,
      `      fix: ${f.fix}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
