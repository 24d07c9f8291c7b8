// What `pistudio gate` and `pistudio requirements` share: strict argument parsing with a pointer to the command's
// --help, and every expected failure (bad usage, unreadable input) as exit 2 with ONE line on stderr. Kept apart from
// args.ts so these commands load nothing of the server before their work starts.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { GateInputError } from './gate/errors.ts';

/** Wrong usage of a file command: exit 2. */
export class UsageProblem extends Error {}

export function parseFileCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    const message =
      (err as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '') ?? 'bad arguments';
    throw new UsageProblem(`${message} (see 'pistudio ${command} --help')`);
  }
}

/** Runs `work`; bad usage and unreadable input become `pistudio: <command>: <one line>` and exit code 2. */
export async function withOneLineErrors(
  command: string,
  stderr: (text: string) => void,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UsageProblem || err instanceof GateInputError) {
      stderr(`pistudio: ${command}: ${err.message.split('\n')[0]}\n`);
      return 2;
    }
    throw err;
  }
}
