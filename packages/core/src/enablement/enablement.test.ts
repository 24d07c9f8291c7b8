import { describe, expect, it } from 'vitest';
import { announcementMarkdown } from './announcement.ts';
import { deckSlides } from './deck.ts';
import { buildFaq, faqMarkdown } from './faq.ts';
import { fillSlots, firstSentence } from './slots.ts';
import { payoutsInputs } from './test-inputs.ts';
import { MAX_SECONDS, videoScript, videoScriptMarkdown, withinBudget } from './video-script.ts';

describe('slots', () => {
  it('orders changes New, Improved, Removed by priority then id, at most five, and hides invisible fixes', () => {
    const s = fillSlots(payoutsInputs());
    expect(s.whatChanged.items.map((n) => n.storyId)).toEqual(['ST-2', 'ST-5', 'ST-3', 'ST-4', 'ST-6']);
    expect(s.whatChanged.more).toBe(1);
    expect(s.why).toBe('Merchants wait 3 days for their money and call support 120 times a week.');
    expect(s.howTo.map((st) => st.id)).toEqual(['ST-2', 'ST-3']);
    expect(s.limitations).toEqual(['Pay out in foreign currencies', 'Status e-mail arrives twice on retries']);
    expect(s.missing).toEqual([]);
  });

  it('names every missing input and shows a placeholder instead of inventing text', () => {
    const inputs = payoutsInputs({ releaseNotes: [], problem: '', kpis: [], mustStories: [], support: [] });
    expect(fillSlots(inputs).missing.map((m) => m.slot)).toEqual(['whatChanged', 'why', 'kpis', 'howTo', 'whoToAsk']);
    const md = announcementMarkdown(inputs, 'users');
    expect(md).toContain('[Missing: release notes]');
    expect(md).toContain('[Missing: support flow]');
  });

  it('cuts at sentence boundaries only', () => {
    expect(firstSentence('Version 1.2 ships. Then more.')).toBe('Version 1.2 ships.');
    expect(withinBudget('One two three. Four five six seven. Eight.', 5)).toBe('One two three.');
    expect(withinBudget('A very long first sentence here.', 2)).toBe('A very long first sentence here.');
  });
});

describe('announcement', () => {
  it('follows the fixed order and stays short, with audience variants from the same data', () => {
    const users = announcementMarkdown(payoutsInputs(), 'users');
    const headings = users.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## What changed',
      '## Why',
      '## How to use it',
      '## What you need to do',
      '## Known limitations',
      '## Who to ask',
    ]);
    expect(users.split(/\s+/).length).toBeLessThanOrEqual(300);
    expect(users).toContain('# Payouts v1.2 is live for users: Same-day payouts for verified merchants');
    expect(users).toContain('- Median time to payout: from 3 days to 1 day by 2027-03-31');
    expect(users).toContain(
      '1. Request a same-day payout: Choose Pay out today, then Confirm the amount — the payout marked Same day',
    );
    const leadership = announcementMarkdown(payoutsInputs(), 'leadership');
    expect(leadership).not.toContain('## How to use it');
    expect(leadership.indexOf('## Why')).toBeLessThan(leadership.indexOf('## What changed'));
  });

  it('regenerates byte for byte from the same inputs', () => {
    expect(announcementMarkdown(payoutsInputs(), 'support')).toBe(announcementMarkdown(payoutsInputs(), 'support'));
  });
});

describe('video script', () => {
  it('times scenes from word counts and keeps within three minutes', () => {
    const script = videoScript(payoutsInputs());
    expect(script.scenes.map((s) => s.part)).toEqual([
      'Hook',
      "What's new",
      'Task: Request a same-day payout',
      'Task: Get a status e-mail',
      'Limits and help',
      'Call to action',
    ]);
    expect(script.scenes[0]?.start).toBe('0:00');
    const words = script.scenes.reduce((n, s) => n + s.words, 0);
    expect(script.seconds).toBe(Math.round(words / 2.4));
    expect(script.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(videoScriptMarkdown(script)).toContain('| 0:00–');
  });

  it('drops the lowest-priority task when the script runs over three minutes', () => {
    const long = 'Pick the merchant and check every detail of the payout on the page with care before going on.';
    const story = (id: string, priority: number) => ({
      id,
      title: `Task ${id}`,
      priority,
      given: 'the balance page',
      when: Array.from({ length: 8 }, () => long),
      outcome: 'the result',
    });
    const script = videoScript(payoutsInputs({ mustStories: [story('A', 1), story('B', 2), story('C', 3)] }));
    expect(script.droppedTasks.length).toBeGreaterThan(0);
    expect(script.droppedTasks.at(-1)).toBe('C');
    expect(script.seconds).toBeLessThanOrEqual(MAX_SECONDS);
  });
});

describe('FAQ and deck', () => {
  it('clusters the same question asked differently, ranks by frequency and labels anticipated items', () => {
    const faq = buildFaq(
      [
        {
          text: 'How do I reset my password?',
          answer: 'Use Forgot password on the sign-in page. It takes a minute.',
          source: 'FB-1',
        },
        { text: 'reset password how?', answer: null, source: 'FB-7' },
        { text: 'Can I export payouts?', answer: null, source: 'CL-2' },
      ],
      ['Pay out in foreign currencies'],
    );
    expect(faq.map((f) => [f.group, f.asked, f.anticipated])).toEqual([
      ['access', 2, false],
      ['data', 1, false],
      ['limits', 0, true],
    ]);
    expect(faq[0]?.answer).toBe('Use Forgot password on the sign-in page.');
    expect(faq[0]?.sources).toEqual(['FB-1', 'FB-7']);
    expect(faq[2]?.question).toBe('Can it pay out in foreign currencies?');
    const md = faqMarkdown(faq);
    expect(md).toContain('## Access and setup');
    expect(md).toContain('_(anticipated)_');
    expect(md).toContain('[Missing: an answer from the product owner]');
    expect(faqMarkdown([])).toContain('No questions yet.');
  });

  it('builds five slides with at most five bullets and speaker notes', () => {
    const slides = deckSlides(payoutsInputs());
    expect(slides.map((s) => s.title)).toEqual([
      'Payouts v1.2',
      'What changed and why',
      'How to use it',
      'How we measure success',
      'Where to get help',
    ]);
    expect(slides.every((s) => s.bullets.length <= 5 && s.notes.length > 0)).toBe(true);
    expect(slides[3]?.bullets).toEqual(['Median time to payout: 3 days → 1 day by 2027-03-31']);
  });
});
