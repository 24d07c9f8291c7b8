// The inbox's keyboard shortcuts: which key does what, and when a key press is someone typing (never a shortcut).
// Pure over a small event shape, so it is tested without a browser (shortcuts.test.ts).

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'select'
  | 'story'
  | 'bug'
  | 'duplicate'
  | 'clarification'
  | 'decline'
  | 'help';

export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: 'j', action: 'next', label: 'Next item' },
  { key: 'k', action: 'previous', label: 'Previous item' },
  { key: 'x', action: 'select', label: 'Select or unselect the item' },
  { key: 's', action: 'story', label: 'Accept as a story' },
  { key: 'b', action: 'bug', label: 'Accept as a bug' },
  { key: 'd', action: 'duplicate', label: 'Mark as a duplicate of…' },
  { key: 'c', action: 'clarification', label: 'Ask as a question in a sprint' },
  { key: 'r', action: 'decline', label: 'Decline, with a reason' },
  { key: '?', action: 'help', label: 'Show these shortcuts' },
];

const BY_KEY = new Map(SHORTCUTS.map((s) => [s.key, s.action]));

/** The parts of a DOM element the check reads (an Element fits). */
export type TargetLike = {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
};

export type KeyLike = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  target: TargetLike | null;
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Typing in a field, or working in a dialog (it has its own keys and traps focus): no shortcut fires there. */
export function isTypingOrInDialog(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.tagName && TYPING_TAGS.has(target.tagName.toUpperCase())) return true;
  if (target.isContentEditable) return true;
  return Boolean(
    target.closest?.('[role="dialog"], [role="textbox"], [role="combobox"], [role="listbox"], [role="menu"]'),
  );
}

/** The action a key press asks for, or null (modifier held, typing, in a dialog, or no shortcut). */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingOrInDialog(e.target)) return null;
  return BY_KEY.get(e.key) ?? null;
}

/** The active row after `j`/`k`: one step, held at both ends; -1 (none yet) starts at the first. */
export function moveActive(index: number, delta: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return 0;
  return Math.min(length - 1, Math.max(0, index + delta));
}

/** The selection with `key` added or taken away (a new set, for React state). */
export function toggled<T>(selected: ReadonlySet<T>, key: T): Set<T> {
  const next = new Set(selected);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
