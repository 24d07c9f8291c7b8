// The enablement deck's content (research §4): 5 slides — title, what changed and for whom, three how-tos, how we
// measure success, where to get help — one idea per slide, at most 5 bullets, speaker notes from the source text.
// The server renders it to a real .pptx; the slide model is pure so the browser previews the same slides.
import { type EnablementInputs, fillSlots, placeholder, type Slots } from './slots.ts';

export type Slide = { title: string; subtitle?: string; bullets: string[]; notes: string };

export const MAX_BULLETS = 5;

export function deckSlides(inputs: EnablementInputs, slots: Slots = fillSlots(inputs)): Slide[] {
  const p = inputs.product;
  const changes = slots.whatChanged.items.map((n) => n.text);
  const support = slots.whoToAsk.map((t) => `${t.tier}: ${t.channel} (${t.hours})`);
  const slides: Slide[] = [
    {
      title: `${p.name} ${p.version}`,
      subtitle: `${p.launchDate} · ${p.owner}`,
      bullets: [],
      notes: slots.why || placeholder('problem statement'),
    },
    {
      title: 'What changed and why',
      bullets: changes.length ? changes : [placeholder('release notes')],
      notes: [slots.why, slots.whatChanged.more ? `${slots.whatChanged.more} more changes in the release notes.` : '']
        .filter(Boolean)
        .join(' '),
    },
    {
      title: 'How to use it',
      bullets: slots.howTo.length
        ? slots.howTo.map((s) => `${s.title}: ${s.when.join(', then ')}`)
        : [placeholder('Must stories')],
      notes: slots.howTo.map((s) => `${s.title}. Given ${s.given}; then ${s.outcome}.`).join(' '),
    },
    {
      title: 'How we measure success',
      bullets: slots.kpis.length
        ? slots.kpis.map((k) => `${k.name}: ${k.baseline} → ${k.target} by ${k.deadline}`)
        : [placeholder('success metrics')],
      notes: 'Targets come from the PRD; progress is on the adoption dashboard.',
    },
    {
      title: 'Where to get help',
      bullets: [`Product owner: ${p.owner}`, ...(support.length ? support : [placeholder('support flow')])],
      notes: slots.limitations.length ? `Known limitations: ${slots.limitations.join('; ')}.` : 'No known limitations.',
    },
  ];
  return slides.map((s) => ({ ...s, bullets: s.bullets.slice(0, MAX_BULLETS) }));
}
