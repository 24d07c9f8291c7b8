// The walkthrough video script (research §4): hook, what's new, three tasks from the top Must stories, limits and
// help, call to action. Timecodes come from word counts at ~145 words a minute (2.4 words a second); a script over
// three minutes drops its lowest-priority task instead of shortening sentences.
import { type EnablementInputs, fillSlots, placeholder, type Slots } from './slots.ts';

export type Scene = { start: string; end: string; part: string; shot: string; narration: string; words: number };
export type VideoScript = { scenes: Scene[]; seconds: number; droppedTasks: string[] };

const WORDS_PER_SECOND = 2.4;
export const MAX_SECONDS = 180;

const words = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

/** Whole sentences of `text` up to `budget` words (always at least the first sentence). */
export function withinBudget(text: string, budget: number): string {
  const sentences = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  let n = 0;
  for (const s of sentences) {
    if (out.length && n + words(s) > budget) break;
    out.push(s);
    n += words(s);
  }
  return out.join(' ');
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

export function videoScript(inputs: EnablementInputs, slots: Slots = fillSlots(inputs)): VideoScript {
  let tasks = slots.howTo;
  const dropped: string[] = [];
  for (;;) {
    const parts = scenes(inputs, slots, tasks);
    const seconds = parts.reduce((n, p) => n + p.words / WORDS_PER_SECOND, 0);
    if (seconds <= MAX_SECONDS || tasks.length <= 1) return timed(parts, dropped);
    dropped.unshift((tasks[tasks.length - 1] as Slots['howTo'][number]).id);
    tasks = tasks.slice(0, -1);
  }
}

type Part = Omit<Scene, 'start' | 'end'>;

function scenes(inputs: EnablementInputs, slots: Slots, tasks: Slots['howTo']): Part[] {
  const p = inputs.product;
  const part = (name: string, shot: string, narration: string, budget: number): Part => {
    const text = withinBudget(narration, budget);
    return { part: name, shot, narration: text, words: words(text) };
  };
  const change = slots.whatChanged.items[0]?.text ?? placeholder('release notes');
  const kpi = slots.kpis[0];
  const support = slots.whoToAsk[0];
  return [
    part('Hook', `${p.name} start screen`, slots.why || placeholder('problem statement'), 25),
    part(
      "What's new",
      'Release highlights',
      `${p.name} ${p.version}: ${change}${kpi ? ` We aim for ${kpi.name} ${kpi.target} by ${kpi.deadline}.` : ''}`,
      35,
    ),
    ...tasks.map((t) =>
      // A task is narrated whole (about 75 words): over three minutes, a task is dropped, never shortened.
      part(
        `Task: ${t.title}`,
        t.given,
        `Start on ${t.given}. ${t.when.join('. ')}. You'll see ${t.outcome}.`,
        Infinity,
      ),
    ),
    part(
      'Limits and help',
      'Support page',
      `${slots.limitations[0] ? `Not in this release: ${slots.limitations[0]}.` : ''} Questions? ${support ? `${support.tier}: ${support.channel}.` : placeholder('support flow')}`,
      35,
    ),
    part('Call to action', 'Product home', `Open ${p.name} today and try ${tasks[0]?.title ?? 'it'}.`, 20),
  ];
}

function timed(parts: Part[], droppedTasks: string[]): VideoScript {
  let at = 0;
  const out = parts.map((p) => {
    const start = at;
    at += p.words / WORDS_PER_SECOND;
    return { ...p, start: clock(start), end: clock(at) };
  });
  return { scenes: out, seconds: Math.round(at), droppedTasks };
}

/** The script as a Markdown table: timecode · screen · narration. */
export function videoScriptMarkdown(script: VideoScript): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = script.scenes.map(
    (s) => `| ${s.start}–${s.end} | ${cell(s.part)} | ${cell(s.shot)} | ${cell(s.narration)} |`,
  );
  return [
    `| Time | Part | Screen | Narration |`,
    '|---|---|---|---|',
    ...rows,
    '',
    `Total: ${clock(script.seconds)}`,
    '',
  ].join('\n');
}
