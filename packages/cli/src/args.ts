// Shared argument parsing for every command: node:util parseArgs in strict mode, `--help` on each command,
// and errors that the dispatcher turns into ONE line on stderr with a stable exit code.
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Wrong command line: unknown command or flag, missing or malformed argument. Exit code 2. */
export class UsageError extends Error {}

/** An expected failure with a message the user can act on (data directory in use, email taken…). Exit code 1. */
export class CommandFailed extends Error {}

export type CommandSpec = {
  /** As typed after `pistudio`, e.g. `user create`. */
  name: string;
  /** The full `--help` text. */
  usage: string;
  options: ParseArgsOptionsConfig;
  /** Names of the required positional arguments, e.g. ['FILE']. */
  positionals?: readonly string[];
};

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted ?? ''}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return (e.message ?? 'invalid option value').replace(/\.$/, '').replace(/^Option/, 'option');
    default:
      return e.message ?? String(err);
  }
}

export type ParsedCommand = {
  help: boolean;
  positionals: string[];
  string(name: string): string | undefined;
  strings(name: string): string[];
  flag(name: string): boolean;
};

export function parseCommand(spec: CommandSpec, argv: string[]): ParsedCommand {
  const hint = `see 'pistudio ${spec.name} --help'`;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...spec.options, ...HELP }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${spec.name}: ${describe(err)} (${hint})`);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const wanted = spec.positionals ?? [];
  if (!help && positionals.length < wanted.length) {
    throw new UsageError(`${spec.name}: missing ${wanted[positionals.length]} (${hint})`);
  }
  if (!help && positionals.length > wanted.length) {
    throw new UsageError(`${spec.name}: unexpected argument '${positionals[wanted.length]}' (${hint})`);
  }
  return {
    help,
    positionals,
    string: (name) => (typeof values[name] === 'string' ? (values[name] as string) : undefined),
    strings: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
    flag: (name) => values[name] === true,
  };
}

/** A required `--flag VALUE`. */
export function required(spec: { name: string }, flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`${spec.name}: missing --${flag} (see 'pistudio ${spec.name} --help')`);
  }
  return value.trim();
}

export function positiveInt(spec: { name: string }, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${spec.name}: --${flag} must be a positive whole number, got '${value}'`);
  return n;
}

export const printUsage = (spec: { usage: string }) => {
  process.stdout.write(`${spec.usage.trim()}\n`);
  return 0;
};
