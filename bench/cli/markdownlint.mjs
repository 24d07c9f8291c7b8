// The other side of the CLI benchmark (bench/cli.ts): markdownlint as a whole process, the way a CI step would run
// it — Node starts, imports the markdownlint library (devDependency), reads every .md file of the directory given
// and lints it with the default rules. Prints one JSON line: files linted and problems found.
//   node bench/cli/markdownlint.mjs bench/.corpus/gate
import fs from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/sync';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/cli/markdownlint.mjs DIR');
  process.exit(2);
}
const files = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => path.join(dir, name));
const results = lint({ files });
const problems = Object.values(results).reduce((n, list) => n + list.length, 0);
console.log(JSON.stringify({ files: files.length, problems }));
