// A checklist item's history, read from the audit trail: every edit (status, owner, evidence count, required or
// optional) and every evidence file added or removed, with who and when, newest first. The audit events are written
// in the same transaction as the change, so the history is exactly what happened; nothing else is stored for it.
import { HISTORY_FIELD_LABELS, type ItemHistory } from '@pi-studio/core/contract/handover-items';
import { ITEM_STATUS_LABELS } from '@pi-studio/core/contract/handover-package';
import type { UseCaseCtx } from '../../../../use-case/context.ts';
import { statusOf } from '../checklist-state.ts';
import { packageItem } from '../service.ts';
import { type ItemEventRow, itemEvents } from './repo.ts';

const ACTIONS = {
  'handover.item_updated': 'Updated',
  'handover.evidence_added': 'Evidence file added',
  'handover.evidence_removed': 'Evidence file removed',
} as const;

type Change = ItemHistory['items'][number]['changes'][number];
type Field = Change['field'];

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

const SHOWN: Readonly<Record<Exclude<Field, 'file'>, (v: unknown) => string | null>> = {
  status: (v) => (typeof v === 'string' ? ITEM_STATUS_LABELS[statusOf(v)] : null),
  owner: text,
  evidence: (v) => (typeof v === 'number' ? `${v} item${v === 1 ? '' : 's'}` : null),
  required: (v) => (v === true ? 'Required' : v === false ? 'Optional' : null),
};

const change = (field: Field, before: string | null, after: string | null): Change => ({
  field,
  label: HISTORY_FIELD_LABELS[field],
  before,
  after,
});

function changesOf(e: ItemEventRow): Change[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  if (e.action === 'handover.evidence_added') return [change('file', null, text(after.fileName))];
  if (e.action === 'handover.evidence_removed') return [change('file', text(before.fileName), null)];
  const out: Change[] = [];
  for (const field of Object.keys(SHOWN) as (keyof typeof SHOWN)[]) {
    if (!(field in after)) continue;
    const [b, a] = [SHOWN[field](before[field]), SHOWN[field](after[field])];
    if (b !== a) out.push(change(field, b, a));
  }
  const reason = text(after.requiredReason);
  const required = out.find((c) => c.field === 'required');
  if (required && reason && required.after === 'Optional') required.after = `Optional: ${reason}`;
  return out;
}

export async function itemHistory(ctx: UseCaseCtx, code: string, itemId: string): Promise<ItemHistory> {
  const { pkg, item } = await packageItem(ctx, code, itemId, 'product.read');
  const events = await itemEvents(ctx.deps.db, pkg.id, itemId, Object.keys(ACTIONS));
  return {
    itemId,
    label: item.text,
    items: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionLabel: ACTIONS[e.action as keyof typeof ACTIONS] ?? e.action,
      by: e.actorLabel,
      changes: changesOf(e),
    })),
  };
}
