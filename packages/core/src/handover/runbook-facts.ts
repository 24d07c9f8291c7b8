// What a product's runbook-lite says about where it runs: the environments named in its Environments section (with
// the URL on the same line, when there is one) and every http(s) URL it links. The server adds them to the product
// record every pack is checked against, so a QA or security pack naming another environment or host of the product
// than the runbook is a consistency finding. Pure; reads Markdown line by line, fenced code skipped.
import { ENV_WORDS } from './consistency.ts';
import type { ProductEnvironment } from './types.ts';

export type RunbookFacts = { environments: ProductEnvironment[]; urls: string[] };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()|`*"']+[^\s<>()|`*"'.,;:!?]/gi;
const WORD = /[A-Za-z][A-Za-z-]*/g;
const MAX_URLS = 200;
const MAX_ENVIRONMENTS = 50;

export function runbookFacts(markdown: string): RunbookFacts {
  const environments = new Map<string, ProductEnvironment>();
  const urls = new Set<string>();
  let inEnvironments = false;
  let fence = false;
  for (const raw of markdown.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(raw);
    if (heading) {
      inEnvironments = /environment/i.test(heading[1] ?? '');
      continue;
    }
    const found = raw.match(URL_IN_TEXT) ?? [];
    for (const url of found) if (urls.size < MAX_URLS) urls.add(url);
    if (!inEnvironments) continue;
    const env = (raw.match(WORD) ?? []).map((w) => ENV_WORDS[w.toLowerCase()]).find(Boolean);
    if (!env || environments.size >= MAX_ENVIRONMENTS) continue;
    const known = environments.get(env);
    if (!known) environments.set(env, found[0] ? { name: env, url: found[0] } : { name: env });
    else if (!known.url && found[0]) known.url = found[0];
  }
  return { environments: [...environments.values()], urls: [...urls] };
}
