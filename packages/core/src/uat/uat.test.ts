import { describe, expect, it } from 'vitest';
import { casesFromStory } from './cases.ts';
import { afterRetest, effectiveDefectState, isUnresolved } from './defects.ts';
import { safeFileName, sniffScreenshot } from './screenshots.ts';

describe('casesFromStory', () => {
  it('makes one case per scenario, with the background first and And/But kept', () => {
    const acceptance = [
      'Feature: Checkout',
      'Background:',
      '  Given I am signed in',
      'Scenario: Card declined',
      '  Given a card that is declined',
      '  When I pay',
      '  Then I see "declined"',
      '  And nothing is charged',
      'Scenario: Card accepted',
      '  When I pay with a good card',
      '  Then I see a receipt',
      '  But no email yet',
    ].join('\n');
    const { cases, skipped } = casesFromStory({ title: 'Pay', acceptance });
    expect(skipped).toBeNull();
    expect(cases.map((c) => c.title)).toEqual(['Pay: Card declined', 'Pay: Card accepted']);
    expect(cases[0]?.steps).toEqual([
      { keyword: 'Given', text: 'I am signed in' },
      { keyword: 'Given', text: 'a card that is declined' },
      { keyword: 'When', text: 'I pay' },
      { keyword: 'Then', text: 'I see "declined"' },
      { keyword: 'And', text: 'nothing is charged' },
    ]);
    expect(cases[1]?.steps.at(-1)).toEqual({ keyword: 'But', text: 'no email yet' });
  });

  it('gives one case for steps without a Scenario header', () => {
    const { cases } = casesFromStory({
      title: 'Login',
      acceptance: 'given a user\nwhen they sign in\nthen they see home',
    });
    expect(cases).toEqual([
      {
        scenario: '',
        title: 'Login',
        steps: [
          { keyword: 'Given', text: 'a user' },
          { keyword: 'When', text: 'they sign in' },
          { keyword: 'Then', text: 'they see home' },
        ],
      },
    ]);
  });

  it('tells scenarios with the same name apart', () => {
    const { cases } = casesFromStory({ title: 'T', acceptance: 'Scenario: A\nGiven x\nScenario: A\nGiven y' });
    expect(cases.map((c) => c.title)).toEqual(['T: A', 'T: A (2)']);
  });

  it('skips a story without Gherkin, saying why', () => {
    expect(casesFromStory({ title: 'T', acceptance: 'It should be fast.' })).toEqual({
      cases: [],
      skipped: 'the acceptance criteria have no Given/When/Then steps',
    });
    expect(casesFromStory({ title: 'T', acceptance: '  ' }).skipped).toBe('the story has no acceptance criteria');
    expect(casesFromStory({ title: 'T', acceptance: 'Scenario: empty' }).cases).toEqual([]);
  });
});

const png = () => {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return b;
};

describe('sniffScreenshot', () => {
  it('recognises PNG, JPEG and WebP by their bytes', () => {
    expect(sniffScreenshot(png())).toBe('image/png');
    expect(sniffScreenshot(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 0xff, 0xd9]))).toBe('image/jpeg');
    const webp = new Uint8Array(20);
    webp.set([0x52, 0x49, 0x46, 0x46, 12, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect(sniffScreenshot(webp)).toBe('image/webp');
  });

  it('refuses a PNG signature followed by garbage, HTML, SVG, a truncated JPEG and empty input', () => {
    const garbage = png();
    garbage.set([1, 2, 3, 4], 12);
    expect(sniffScreenshot(garbage)).toBeNull();
    expect(sniffScreenshot(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffScreenshot(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffScreenshot(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toBeNull();
    expect(sniffScreenshot(new Uint8Array())).toBeNull();
  });

  it('names the file after its real type, without paths or quotes', () => {
    expect(safeFileName('../../etc/"evil".html', 'image/png')).toBe('_evil_.png');
    expect(safeFileName(undefined, 'image/webp')).toBe('screenshot.webp');
    expect(safeFileName('shot 1.PNG', 'image/jpeg')).toBe('shot_1.jpg');
  });
});

describe('defect states', () => {
  it('reads fixed while the bug is done, until a retest decides', () => {
    expect(effectiveDefectState('open', 'in_progress')).toBe('open');
    expect(effectiveDefectState('open', 'done')).toBe('fixed');
    expect(effectiveDefectState('reopened', 'ready')).toBe('reopened');
    expect(effectiveDefectState('reopened', 'done')).toBe('fixed');
    expect(effectiveDefectState('verified', 'ready')).toBe('verified');
    expect(effectiveDefectState('open', null)).toBe('open');
    expect(isUnresolved('fixed')).toBe(true);
    expect(isUnresolved('verified')).toBe(false);
  });

  it('a retest verifies on pass, reopens on fail, and a blocked one changes nothing', () => {
    expect(afterRetest('pass')).toBe('verified');
    expect(afterRetest('fail')).toBe('reopened');
    expect(afterRetest('blocked')).toBeNull();
  });
});
