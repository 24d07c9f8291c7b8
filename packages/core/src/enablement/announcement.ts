// The internal launch announcement (research §4): fixed order, at most ~300 words. Audience variants filter the same
// slots (users read how to use it, support reads limitations and escalation, leadership reads why and the KPIs);
// they are not separate texts.
import { type EnablementInputs, fillSlots, placeholder, type ReleaseNoteType, type Slots } from './slots.ts';

export type Audience = 'users' | 'support' | 'leadership';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  users: 'Users',
  support: 'Support and operations',
  leadership: 'Leadership',
};

const TYPE_LABEL: Record<ReleaseNoteType, string> = {
  new: 'New',
  improved: 'Improved',
  removed: 'Removed',
  fixed: 'Fixed',
};

const SECTIONS: Record<Audience, readonly Section[]> = {
  users: ['changed', 'why', 'howTo', 'todo', 'limitations', 'ask'],
  support: ['changed', 'howTo', 'limitations', 'ask', 'why'],
  leadership: ['why', 'changed', 'limitations'],
};
type Section = 'changed' | 'why' | 'howTo' | 'todo' | 'limitations' | 'ask';

export function announcementMarkdown(inputs: EnablementInputs, audience: Audience, slots = fillSlots(inputs)): string {
  const p = inputs.product;
  const benefit = slots.whatChanged.items[0]?.text ?? placeholder('release notes');
  const out = [
    `# ${p.name} ${p.version} is live for ${AUDIENCE_LABELS[audience].toLowerCase()}: ${benefit}`,
    '',
    `**TL;DR** ${p.name} ${p.version} is available from ${p.launchDate || placeholder('launch date')}. ${slots.why || placeholder('problem statement')}`,
  ];
  for (const section of SECTIONS[audience]) out.push('', ...render(section, slots, inputs));
  return `${out.join('\n').trimEnd()}\n`;
}

function render(section: Section, s: Slots, inputs: EnablementInputs): string[] {
  switch (section) {
    case 'changed': {
      const items = s.whatChanged.items.map((n) => `- **${TYPE_LABEL[n.type]}:** ${n.text}`);
      const more = s.whatChanged.more ? [`- …and ${s.whatChanged.more} more in the release notes`] : [];
      return ['## What changed', ...(items.length ? items : [`- ${placeholder('release notes')}`]), ...more];
    }
    case 'why': {
      const kpis = s.kpis.map((k) => `- ${k.name}: from ${k.baseline} to ${k.target} by ${k.deadline}`);
      return ['## Why', s.why || placeholder('problem statement'), ...(kpis.length ? ['', ...kpis] : [])];
    }
    case 'howTo': {
      const steps = s.howTo.map((st, i) => `${i + 1}. ${st.title}: ${st.when.join(', then ')} — ${st.outcome}`);
      const video = inputs.links.video ? [`Watch the walkthrough: ${inputs.links.video}`] : [];
      return ['## How to use it', ...(steps.length ? steps : [`1. ${placeholder('Must stories')}`]), ...video];
    }
    case 'todo':
      return ['## What you need to do', `Start using ${inputs.product.name} from ${inputs.product.launchDate}.`];
    case 'limitations':
      return [
        '## Known limitations',
        ...(s.limitations.length ? s.limitations.map((l) => `- ${l}`) : ['- None known.']),
      ];
    case 'ask': {
      const tiers = s.whoToAsk.map((t) => `- ${t.tier}: ${t.channel} (${t.hours})`);
      const links = Object.entries(inputs.links).map(([k, v]) => `[${k}](${v})`);
      return [
        '## Who to ask',
        `Product owner: ${inputs.product.owner}`,
        ...(tiers.length ? tiers : [`- ${placeholder('support flow')}`]),
        ...(links.length ? ['', links.join(' · ')] : []),
      ];
    }
  }
}
