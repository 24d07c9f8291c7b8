import { describe, expect, it } from 'vitest';
import { isTypingOrInDialog, moveActive, shortcutFor, type TargetLike, toggled } from './shortcuts.ts';

const el = (tagName: string, inside: string[] = [], extra: Partial<TargetLike> = {}): TargetLike => ({
  tagName,
  closest: (selector: string) => inside.some((role) => selector.includes(`[role="${role}"]`)) || null,
  ...extra,
});
const press = (key: string, target: TargetLike | null = el('BODY'), mods = {}) => shortcutFor({ key, target, ...mods });

describe('inbox shortcuts', () => {
  it('maps j/k/x/s/b/d/c/r/? to their actions and nothing else', () => {
    expect(['j', 'k', 'x', 's', 'b', 'd', 'c', 'r', '?'].map((k) => press(k))).toEqual([
      'next',
      'previous',
      'select',
      'story',
      'bug',
      'duplicate',
      'clarification',
      'decline',
      'help',
    ]);
    expect(press('q')).toBeNull();
    expect(press('J')).toBeNull();
  });

  it('never fires while typing in a field, in a dialog, or with a modifier', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(press('b', el(tag))).toBeNull();
    expect(press('b', el('DIV', [], { isContentEditable: true }))).toBeNull();
    expect(press('b', el('BUTTON', ['dialog']))).toBeNull();
    expect(press('j', el('DIV', ['combobox']))).toBeNull();
    expect(press('s', el('BODY'), { ctrlKey: true })).toBeNull();
    expect(press('s', el('BODY'), { metaKey: true })).toBeNull();
    expect(shortcutFor({ key: 's', target: el('BODY'), defaultPrevented: true })).toBeNull();
    expect(isTypingOrInDialog(null)).toBe(false);
    expect(press('s', null)).toBe('story');
  });

  it('moves the active row one step and holds at both ends', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(0);
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(2);
    expect(moveActive(0, -1, 3)).toBe(0);
    expect(moveActive(5, -1, 0)).toBe(-1);
  });

  it('toggles a key in a new set', () => {
    const a = new Set(['A']);
    const b = toggled(a, 'B');
    expect([...b]).toEqual(['A', 'B']);
    expect([...toggled(b, 'A')]).toEqual(['B']);
    expect([...a]).toEqual(['A']);
  });
});
