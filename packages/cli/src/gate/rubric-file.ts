// --rubric FILE.json: read, parse and validate, with one line naming the problem when it is not usable.
import { readFile, stat } from 'node:fs/promises';
import { parseRubric, type Rubric } from '@pi-studio/core/gate/rubric';
import { GateInputError } from './errors.ts';

const MAX_RUBRIC_BYTES = 1024 * 1024;

export async function loadRubricFile(file: string): Promise<Rubric> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new GateInputError(`cannot read rubric ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  if (info.size > MAX_RUBRIC_BYTES) throw new GateInputError(`rubric ${file} is larger than 1 MB`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new GateInputError(`rubric ${file} is not valid JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = parseRubric(json);
  if (!parsed.ok) throw new GateInputError(`rubric ${file} is invalid: ${parsed.error}`);
  return parsed.rubric;
}
