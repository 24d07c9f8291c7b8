// Vitest global set-up: tests spawn the built CLI (packages/cli/bin/pistudio.js runs packages/cli/dist), so a run
// first rebuilds it when the sources are newer than the build — also when Vitest is started by hand, not by npm test.
import { ensureCliBuilt } from './build-cli.mjs';

export async function setup() {
  await ensureCliBuilt();
}
