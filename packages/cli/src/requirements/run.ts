// The work of `pistudio requirements` once its arguments are valid: read the PRD (Markdown, text or .docx), extract
// its requirements with the gate's document model, print them. Loaded only then, so `--help` stays fast.
import { type ExtractedRequirement, extractRequirements } from '@pi-studio/core/stories/requirements';
import { readOneInput } from '../gate/inputs.ts';

export type RequirementsFormat = 'text' | 'json';

export async function printRequirements(
  file: string,
  options: { format: RequirementsFormat; product?: string },
  stdout: (text: string) => void,
): Promise<number> {
  const text = await readOneInput(file);
  const requirements = extractRequirements(text, { product: options.product });
  stdout(options.format === 'json' ? `${JSON.stringify({ requirements }, null, 2)}\n` : asText(file, requirements));
  return 0;
}

function asText(file: string, requirements: readonly ExtractedRequirement[]): string {
  if (requirements.length === 0) return `${file}: no requirements found\n`;
  const lines = [`${file}: ${requirements.length} requirement${requirements.length === 1 ? '' : 's'}`];
  for (const r of requirements) {
    const id = r.generated ? `${r.id}*` : r.id;
    lines.push('', `${id}  ${r.priority ?? 'no priority'}  line ${r.line}`, `  ${r.text}`);
    if (r.acceptance.length === 0) lines.push('  (no acceptance criteria)');
    for (const a of r.acceptance) lines.push(`  ✓ ${a.replace(/\n/g, '\n    ')}`);
  }
  if (requirements.some((r) => r.generated)) lines.push('', '* id generated: the PRD gives this requirement none');
  return `${lines.join('\n')}\n`;
}
