// The layering rules `npm test` and `npm run lint` hold the code to (docs/architecture.md, "What may import what").
// Reads every import in packages/ (static, `export … from`, `import type` and dynamic `import()`, with the TypeScript
// scanner, so comments and strings are not mistaken for imports) and prints one line per import that crosses a
// forbidden boundary; exit 1 if there is any.
//   node --import tsx scripts/check-layers.ts [root]
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One import, as the rules see it. Paths are relative to the root, with `/`. */
type ImportRef = {
  file: string;
  line: number;
  specifier: string;
  /** Where a relative import or one of our own packages (`@pi-studio/server/db/client`) points. */
  target?: string;
  /** The npm package of any other bare import (`zod`, `@mantine/core`). */
  pkg?: string;
  /** `node:fs`, `fs`, …: a Node built-in module. */
  builtin: boolean;
};

export type Violation = { file: string; line: number; specifier: string; rule: string; says: string };

type Rule = {
  /** A short name for the rule (docs/architecture.md uses it too). */
  rule: string;
  /** Printed with each violation: the boundary and why it is there. */
  says: string;
  /** Whether the rule governs this importing file. */
  governs: (file: string) => boolean;
  forbids: (ref: ImportRef) => boolean;
};

const SOURCE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist']);
const DATABASE_PACKAGES = new Set(['drizzle-orm', 'pg', '@electric-sql/pglite']);

const within = (dir: string) => (p: string | undefined) => p !== undefined && (p === dir || p.startsWith(`${dir}/`));
const inCore = within('packages/core');
const inWeb = within('packages/web/src');
const inModules = within('packages/server/src/modules');
const inHttp = within('packages/server/src/http');
/** `routes.ts`, `gate/rubrics/routes.ts`, `oidc.routes.ts`, `settings-routes.ts`: the files that declare routes and may use http/. */
/** A module's queries: `repo.ts` (also in a sub-folder), and the audit repo's write side that every module imports. */
const isRepoFile = (file: string) =>
  /(?:^|\/)repo\.ts$/.test(file) || file === 'packages/server/src/modules/audit/writer.ts';
const inDbSchema = (p: string | undefined) =>
  p !== undefined && (p.startsWith('packages/server/src/db/schema') || p === 'packages/server/src/db/schema.ts');
const isRouteFile = (file: string) => /(?:^|[/.-])routes\.ts$/.test(file);
/** A module's manifest (`modules/<m>/module.ts`) and its type (`modules/manifest.ts`) assemble routes, so may too. */
const isManifest = (file: string) =>
  /(?:^|\/)module\.ts$/.test(file) || file === 'packages/server/src/modules/manifest.ts';
/** Tests run in Node under Vitest only, so they may read fixtures with node:fs and use dev dependencies. */
const isTest = (file: string) => /\.test\.[cm]?tsx?$/.test(file) || /(?:^|\/)test\//.test(file);

function rules(coreDependencies: ReadonlySet<string>): Rule[] {
  return [
    {
      rule: 'core-alone',
      says: 'core imports nothing of ours but core: it runs in the browser, the server and the CLI',
      governs: inCore,
      forbids: (r) => r.target !== undefined && !inCore(r.target),
    },
    {
      rule: 'core-dependencies',
      says: 'core uses only the npm packages its own package.json lists (any other works only by accident of hoisting)',
      governs: (f) => inCore(f) && !isTest(f),
      forbids: (r) => r.pkg !== undefined && !coreDependencies.has(r.pkg),
    },
    {
      rule: 'browser-no-node',
      says: 'core and web run in the browser: no Node built-ins outside tests',
      governs: (f) => (inCore(f) || inWeb(f)) && !isTest(f),
      forbids: (r) => r.builtin,
    },
    {
      rule: 'web-no-server',
      says: 'web imports neither the server nor the database: take API types from @pi-studio/core/contract',
      governs: inWeb,
      forbids: (r) =>
        within('packages/server')(r.target) || within('packages/cli')(r.target) || DATABASE_PACKAGES.has(r.pkg ?? ''),
    },
    {
      rule: 'db-no-modules',
      says: 'db/ sits below the modules: it imports none of them',
      governs: within('packages/server/src/db'),
      forbids: (r) => inModules(r.target),
    },
    {
      rule: 'use-case-alone',
      says: 'use-case/ (the context, domain errors and deps services take) sits below http/ and the modules',
      governs: within('packages/server/src/use-case'),
      forbids: (r) => inModules(r.target) || inHttp(r.target),
    },
    {
      rule: 'services-no-http',
      says: 'only route files (and module manifests) speak HTTP: services, repos and policies take a UseCaseCtx and throw domain errors (use-case/)',
      governs: (f) => inModules(f) && !isTest(f) && !isRouteFile(f) && !isManifest(f),
      forbids: (r) => inHttp(r.target) || r.pkg === 'hono',
    },
    {
      rule: 'queries-in-repos',
      says: 'queries live in repo.ts files: services, routes, policies and presenters call named repo functions',
      governs: (f) => inModules(f) && !isTest(f) && !isRepoFile(f),
      forbids: (r) => inDbSchema(r.target) || r.pkg === 'drizzle-orm',
    },
    {
      rule: 'http-no-modules',
      says: 'http/ serves every module, so it imports none: shared types live in http/, modules register what they add',
      governs: within('packages/server/src/http'),
      forbids: (r) => inModules(r.target),
    },
  ];
}

/** `@a/b/c` → `@a/b`, `a/c` → `a`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function describeImport(file: string, line: number, specifier: string): ImportRef {
  const ref: ImportRef = { file, line, specifier, builtin: false };
  if (specifier.startsWith('.')) {
    ref.target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  } else if (isBuiltin(specifier)) {
    ref.builtin = true;
  } else if (specifier.startsWith('@pi-studio/')) {
    // Every workspace package exports `./*` from `./src/*.ts` (packages/*/package.json).
    const [, name, ...rest] = specifier.split('/');
    ref.target = rest.length ? `packages/${name}/src/${rest.join('/')}` : `packages/${name}`;
  } else {
    ref.pkg = packageName(specifier);
  }
  return ref;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(entry.name)) yield full;
  }
}

function importsOf(root: string, full: string): ImportRef[] {
  const file = path.relative(root, full).split(path.sep).join('/');
  const text = fs.readFileSync(full, 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => {
    const line = text.slice(0, imported.pos).split('\n').length;
    return describeImport(file, line, imported.fileName);
  });
}

function readDependencies(packageJson: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { dependencies?: Record<string, string> };
  return new Set(Object.keys(manifest.dependencies ?? {}));
}

/** Every import under `<root>/packages` checked against the rules; violations ordered by file and line. */
export function checkLayers(root: string): { imports: number; violations: Violation[] } {
  const active = rules(readDependencies(path.join(root, 'packages/core/package.json')));
  const violations: Violation[] = [];
  let imports = 0;
  for (const full of sourceFiles(path.join(root, 'packages'))) {
    for (const ref of importsOf(root, full)) {
      imports++;
      for (const { rule, says, governs, forbids } of active) {
        if (governs(ref.file) && forbids(ref)) {
          violations.push({ file: ref.file, line: ref.line, specifier: ref.specifier, rule, says });
        }
      }
    }
  }
  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { imports, violations };
}

const formatViolation = (v: Violation) => `${v.file}:${v.line}: imports '${v.specifier}' (${v.rule}): ${v.says}`;

function main() {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const { imports, violations } = checkLayers(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length) {
    console.error(`layers: ${violations.length} import(s) cross a forbidden boundary (docs/architecture.md)`);
    process.exitCode = 1;
  } else {
    console.log(`layers: ok (${imports} imports checked)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
