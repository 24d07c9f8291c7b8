// Renders a product's Context document (why it exists, how things work today, who is involved).

import { DEMO_PEOPLE, DEMO_SUBSIDIARIES } from './people.ts';
import type { RenderInput } from './prd.ts';

const person = (key: keyof typeof DEMO_PEOPLE | undefined) => (key ? DEMO_PEOPLE[key].name : 'not assigned yet');

export function renderContext({ facts, spec, at }: RenderInput): string {
  const code = `${facts.sub}-${facts.key}`;
  const subsidiary = DEMO_SUBSIDIARIES.find((s) => s.code === facts.sub)?.name ?? facts.sub;
  if (spec.quality === 'hollow') {
    return `# ${facts.name} — Context\n\n## Background\n\n[Why does this product exist?]\n\n## Today\n\nTBD\n\n## People\n\n- PO: [Name]\n`;
  }
  const head = [
    `# ${facts.name} — Context`,
    [
      '| Field | Value |',
      '|---|---|',
      `| Product | ${code} |`,
      `| Subsidiary | ${subsidiary} |`,
      `| Version | ${spec.version} |`,
      `| Updated | ${at.toISOString().slice(0, 10)} |`,
    ].join('\n'),
    `## Background\n\n${facts.context.background}`,
  ];
  if (spec.quality === 'weak') return `${[...head, '## Next steps\n\nTo be discussed with the team.'].join('\n\n')}\n`;
  const people = [
    `- Product owner: ${person(facts.po)}`,
    `- Venture builder: ${person(facts.vb)}`,
    `- Builder: ${person(facts.builder)}`,
    `- IT owner: ${person(facts.it)}`,
    `- ProductOps: ${person('omar')}`,
  ];
  const sections = [
    ...head,
    `## How it works today\n\n${facts.context.today}`,
    `## People\n\n${people.join('\n')}`,
    `## Constraints\n\n${facts.context.constraints.map((c) => `- ${c}`).join('\n')}`,
    `## Links\n\n- Discovery notes: https://wiki.demo.pistudio.local/${code.toLowerCase()}/discovery`,
  ];
  return `${sections.join('\n\n')}\n`;
}
