// The template editor's pure rules: a new version starts as a copy of the one it is based on; each item says per
// product type whether it is required, recommended or not applicable, optionally only for products with some flags.
// The same check the server runs (core's validateChecklistTemplate) names every problem while typing, keyed as the
// server names fields (`items.3.id`), so a field shows its reason before and after saving alike.
import { CHECKLIST_GROUPS, type ChecklistGroup } from '@pi-studio/core/handover-package/checklist-template';
import { validateChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template-validate';
import { PRODUCT_TYPES, type ProductFlag, type ProductType } from '@pi-studio/core/handover-package/profile';
import type { ChecklistTemplateBody, TemplateItem, TemplateSummary } from './api.ts';

export type TypeLevel = 'required' | 'recommended' | 'none';
export type TypeCounts = Record<ProductType, { required: number; recommended: number }>;

/** One template id with its versions, newest first (the newest is what new packages use). */
export type TemplateFamily = { id: string; title: string; versions: TemplateSummary[] };

export function families(items: readonly TemplateSummary[]): TemplateFamily[] {
  const byId = new Map<string, TemplateSummary[]>();
  for (const t of items) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId.entries()]
    .map(([id, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { id, title: sorted[0]?.title ?? id, versions: sorted };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The start of a new version: a deep copy of the base, numbered after the newest version of its id. */
export function nextVersionDraft(base: ChecklistTemplateBody, newestVersion: number): ChecklistTemplateBody {
  return { ...structuredClone(base), version: Math.max(newestVersion, base.version) + 1 };
}

export function levelFor(item: TemplateItem, type: ProductType): TypeLevel {
  if (item.applies.required.includes(type)) return 'required';
  if (item.applies.recommended.includes(type)) return 'recommended';
  return 'none';
}

export function setLevel(item: TemplateItem, type: ProductType, level: TypeLevel): TemplateItem {
  const without = (list: readonly ProductType[]) => list.filter((t) => t !== type);
  const ordered = (list: ProductType[]) => PRODUCT_TYPES.filter((t) => list.includes(t));
  const required = without(item.applies.required);
  const recommended = without(item.applies.recommended);
  if (level === 'required') required.push(type);
  if (level === 'recommended') recommended.push(type);
  return { ...item, applies: { ...item.applies, required: ordered(required), recommended: ordered(recommended) } };
}

/** Flags narrow an item to products with at least one of them; no flag left means every product of its types. */
export function setFlag(item: TemplateItem, flag: ProductFlag, on: boolean): TemplateItem {
  const current = item.applies.whenFlags ?? [];
  const next = on ? [...new Set([...current, flag])] : current.filter((f) => f !== flag);
  const { whenFlags: _, ...rest } = item.applies;
  return { ...item, applies: next.length ? { ...rest, whenFlags: next } : rest };
}

/** A new item at the end of its group's numbering (`OPS-9` after `OPS-8`), required for every type to start with. */
export function blankItem(template: ChecklistTemplateBody, group: ChecklistGroup): TemplateItem {
  const used = template.items
    .map((i) => new RegExp(`^${group}-(\\d+)$`).exec(i.id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return {
    id: `${group}-${used.length ? Math.max(...used) + 1 : 1}`,
    group,
    text: '',
    why: '',
    evidence: '',
    applies: { required: [...PRODUCT_TYPES], recommended: [] },
  };
}

export const updateItem = (t: ChecklistTemplateBody, index: number, item: TemplateItem): ChecklistTemplateBody => ({
  ...t,
  items: t.items.map((it, i) => (i === index ? item : it)),
});

export const removeItem = (t: ChecklistTemplateBody, index: number): ChecklistTemplateBody => ({
  ...t,
  items: t.items.filter((_, i) => i !== index),
});

/** Every problem core finds, keyed as the server names fields (`items[3].id` → `items.3.id`). */
export function templateIssues(t: ChecklistTemplateBody): Map<string, string> {
  const issues = new Map<string, string>();
  for (const p of validateChecklistTemplate(t)) {
    const name = p.field.replace(/\[(\d+)\]/g, '.$1') || 'body';
    if (!issues.has(name)) issues.set(name, p.message);
  }
  return issues;
}

/** How many items each product type gets as required and as recommended (flags aside). */
export function typeCounts(t: ChecklistTemplateBody): TypeCounts {
  const counts = Object.fromEntries(PRODUCT_TYPES.map((type) => [type, { required: 0, recommended: 0 }])) as TypeCounts;
  for (const item of t.items)
    for (const type of PRODUCT_TYPES) {
      const level = levelFor(item, type);
      if (level !== 'none') counts[type][level] += 1;
    }
  return counts;
}

/** The items a product type gets, in template order; every item when `type` is null. */
export const itemsForType = (t: ChecklistTemplateBody, type: ProductType | null) =>
  type === null ? t.items : t.items.filter((i) => levelFor(i, type) !== 'none');

export type TemplateChanges = { added: string[]; removed: string[]; changed: string[] };

/** What a draft changes against its base, by item id: said in the confirmation before publishing. */
export function changesFrom(base: ChecklistTemplateBody, draft: ChecklistTemplateBody): TemplateChanges {
  const before = new Map(base.items.map((i) => [i.id, JSON.stringify(i)]));
  const after = new Set(draft.items.map((i) => i.id));
  return {
    added: draft.items.filter((i) => !before.has(i.id)).map((i) => i.id),
    removed: base.items.filter((i) => !after.has(i.id)).map((i) => i.id),
    changed: draft.items.filter((i) => before.has(i.id) && before.get(i.id) !== JSON.stringify(i)).map((i) => i.id),
  };
}

const FIELD_LABELS: Record<string, string> = {
  id: 'Item id',
  group: 'Area',
  text: 'What must be true',
  why: 'Why it matters',
  evidence: 'Evidence expected',
  applies: 'Level per product type',
  title: 'Title',
  version: 'Version',
  'weights.required': 'Weight of a required item',
  'weights.recommended': 'Weight of a recommended item',
  items: 'Items',
};

/** A problem's field in words: `items.39.text` → "OPS-9 · What must be true" (the item's id as the draft has it). */
export function fieldLabel(name: string, t: ChecklistTemplateBody): string {
  const m = /^items\.(\d+)(?:\.([a-z]+))?/.exec(name);
  if (!m) return FIELD_LABELS[name] ?? name;
  const index = Number(m[1]);
  const item = t.items[index]?.id || `Item ${index + 1}`;
  return m[2] ? `${item} · ${FIELD_LABELS[m[2]] ?? m[2]}` : item;
}

/** Which product types an item is required and recommended for, in words ("every product type" when all). */
export function appliesSummary(item: TemplateItem, label: (t: ProductType) => string): string {
  const part = (level: 'required' | 'recommended', word: string) => {
    const types = item.applies[level];
    if (types.length === 0) return null;
    return `${word} for ${types.length === PRODUCT_TYPES.length ? 'every product type' : types.map(label).join(', ')}`;
  };
  return [part('required', 'Required'), part('recommended', 'Recommended')].filter(Boolean).join(' · ');
}

export const isGroup = (v: unknown): v is ChecklistGroup =>
  typeof v === 'string' && (CHECKLIST_GROUPS as readonly string[]).includes(v);
