// The IT owner's ownership confirmation as a form: a draft started from the confirmed ownership (re-confirming edits
// what stands) or from empty rows, what is sent (blank rows left out, text trimmed, no on-call as null) and why it
// cannot be sent yet, in words. The server checks it again (422 naming the fields).
import type { HandoverPackage, OwnershipConfirm } from './api.ts';
import { addDays } from './format.ts';

export type Ownership = NonNullable<HandoverPackage['ownership']>;
export type OpenItemRow = { text: string; owner: string; dueDate: string };
export type OwnershipDraft = { runBy: string; supportedBy: string; onCall: string; openItems: OpenItemRow[] };

/** Open items are due within early life support unless IT agrees otherwise. */
export const OPEN_ITEM_DAYS = 30;

export const emptyOpenItem = (dueDate: string): OpenItemRow => ({ text: '', owner: '', dueDate });

export function ownershipDraftOf(current: Ownership | null): OwnershipDraft {
  if (!current) return { runBy: '', supportedBy: '', onCall: '', openItems: [] };
  return {
    runBy: current.runBy,
    supportedBy: current.supportedBy,
    onCall: current.onCall ?? '',
    openItems: current.openItems.map((i) => ({ ...i })),
  };
}

/** A new open item row, due at the end of early life support counted from today. */
export const newOpenItem = (today: string): OpenItemRow => emptyOpenItem(addDays(today, OPEN_ITEM_DAYS));

const isBlankItem = (i: OpenItemRow) => !i.text.trim() && !i.owner.trim();

export function ownershipBodyOf(draft: OwnershipDraft): OwnershipConfirm {
  return {
    runBy: draft.runBy.trim(),
    supportedBy: draft.supportedBy.trim(),
    onCall: draft.onCall.trim() || null,
    openItems: draft.openItems
      .filter((i) => !isBlankItem(i))
      .map((i) => ({ text: i.text.trim(), owner: i.owner.trim(), dueDate: i.dueDate })),
  };
}

/** Why the form cannot be sent yet; [] when it can. */
export function ownershipDraftProblems(draft: OwnershipDraft): string[] {
  const out: string[] = [];
  if (!draft.runBy.trim()) out.push('Say who runs the product.');
  if (!draft.supportedBy.trim()) out.push('Say who supports it.');
  const items = draft.openItems.filter((i) => !isBlankItem(i));
  if (items.some((i) => !i.text.trim() || !i.owner.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(i.dueDate)))
    out.push('Each open item needs what is open, an owner and a due date.');
  return out;
}
