// A product's checklist: the template's items with, for this product type and these flags, whether each is
// required, optional (recommended) or not applicable, and why not.
import type { Applicability, ChecklistItemDef, ChecklistTemplate } from './checklist-template.ts';
import { FLAG_ABSENT_LABELS, PRODUCT_TYPES, type ProductProfile } from './profile.ts';

export type ItemLevel = 'required' | 'optional' | 'not_applicable';

export type ProductChecklistItem = ChecklistItemDef & {
  level: ItemLevel;
  /** Why the item is at this level, e.g. "N/A: not internet-facing", "Recommended for INT". */
  reason: string;
};

export type ProductChecklist = {
  template: { id: string; version: number };
  profile: ProductProfile;
  items: ProductChecklistItem[];
};

export function checklistFor(template: ChecklistTemplate, profile: ProductProfile): ProductChecklist {
  return {
    template: { id: template.id, version: template.version },
    profile: { type: profile.type, flags: [...profile.flags] },
    items: template.items.map((item) => ({ ...item, ...levelFor(item.applies, profile) })),
  };
}

function levelFor(applies: Applicability, { type, flags }: ProductProfile): { level: ItemLevel; reason: string } {
  const when = applies.whenFlags ?? [];
  if (when.length > 0 && !when.some((f) => flags.includes(f)))
    return { level: 'not_applicable', reason: `N/A: ${when.map((f) => FLAG_ABSENT_LABELS[f]).join(' and ')}` };
  const flagged = when.length > 0 ? ` (${when.filter((f) => flags.includes(f)).join(', ')})` : '';
  if (applies.required.includes(type)) return { level: 'required', reason: `Required for ${type}${flagged}` };
  if (applies.recommended.includes(type)) return { level: 'optional', reason: `Recommended for ${type}${flagged}` };
  const named = [...applies.required, ...applies.recommended];
  return { level: 'not_applicable', reason: `N/A: applies to ${named.join(', ')} only` };
}

/**
 * The applicability in the words of the research table's "Req?" and "Applies to" columns, e.g.
 * `{ req: 'Req if ext', appliesTo: 'WEB, API' }` or `{ req: 'Req', appliesTo: 'WEB, API; Rec others' }`.
 */
export function describeApplicability(applies: Applicability): { req: string; appliesTo: string } {
  const { required, recommended } = applies;
  const when = applies.whenFlags ?? [];
  const all = (types: readonly string[]) => PRODUCT_TYPES.every((t) => types.includes(t));
  const list = (types: readonly string[]) => PRODUCT_TYPES.filter((t) => types.includes(t)).join(', ');
  if (required.length === 0) return { req: 'Rec', appliesTo: all(recommended) ? 'all' : list(recommended) };
  const req = when.length > 0 ? `Req if ${when.join(' or ')}` : 'Req';
  if (all(required)) return { req, appliesTo: 'all' };
  if (all([...required, ...recommended]) && recommended.length > required.length)
    return required.length === 1
      ? { req: `Rec; Req for ${list(required)}`, appliesTo: 'all' }
      : { req, appliesTo: `${list(required)}; Rec others` };
  if (recommended.length === 0) return { req, appliesTo: list(required) };
  return { req, appliesTo: `${list(required)}; Rec ${list(recommended)}` };
}

/** A team's override of an item's level: required or optional, with why (needed to make a required item optional). */
export type LevelOverride = { required: boolean; reason: string | null };
export type OverriddenItem = ProductChecklistItem & { templateLevel: ItemLevel };
export type OverriddenChecklist = Omit<ProductChecklist, 'items'> & { items: OverriddenItem[] };

/**
 * The checklist with the package's overrides applied: an applicable item becomes required or optional; an item the
 * template finds not applicable stays so (the template decides what applies). The template's level is kept.
 */
export function withOverrides(
  checklist: ProductChecklist,
  overrides: ReadonlyMap<string, LevelOverride>,
): OverriddenChecklist {
  return {
    ...checklist,
    items: checklist.items.map((item) => {
      const o = overrides.get(item.id);
      const templateLevel = item.level;
      if (!o || item.level === 'not_applicable') return { ...item, templateLevel };
      const level: ItemLevel = o.required ? 'required' : 'optional';
      if (level === item.level) return { ...item, templateLevel };
      const why = o.reason ? `: ${o.reason}` : '';
      return { ...item, level, templateLevel, reason: `${o.required ? 'Made required' : 'Made optional'}${why}` };
    }),
  };
}
