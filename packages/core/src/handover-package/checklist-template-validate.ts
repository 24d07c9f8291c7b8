// Checks a checklist template before it is stored (a template arrives as JSON from an admin, so every field is
// checked for its type too). Each problem names the field by path (`items[3].id`) and a stable code, which the
// server turns into a 422 with one `invalid_params` entry per problem. Nothing here throws on any input.
import { CHECKLIST_GROUPS, type ChecklistTemplate } from './checklist-template.ts';
import { isProductFlag, isProductType } from './profile.ts';
import { hasUnsafeCharacters } from './text.ts';

export type TemplateProblemCode =
  | 'required'
  | 'wrong_type'
  | 'control_characters'
  | 'too_long'
  | 'too_many'
  | 'duplicate'
  | 'bad_id'
  | 'unknown_group'
  | 'group_mismatch'
  | 'unknown_type'
  | 'unknown_flag'
  | 'conflict'
  | 'never_applies';

export type TemplateProblem = { field: string; code: TemplateProblemCode; message: string };

export const MAX_TEMPLATE_ITEMS = 500;
export const MAX_TEMPLATE_TEXT = 1000;
const ITEM_ID = /^([A-Z]{2,5})-([1-9]\d{0,3})$/;

export class InvalidChecklistTemplate extends Error {
  readonly code = 'invalid_checklist_template';
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(`invalid checklist template: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    this.name = 'InvalidChecklistTemplate';
  }
}

export function validateChecklistTemplate(input: unknown): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const add = (field: string, code: TemplateProblemCode, message: string) => out.push({ field, code, message });
  if (!isRecord(input)) {
    add('', 'wrong_type', 'A checklist template is an object with id, version, title, weights and items.');
    return out;
  }
  checkText(input.id, 'id', add);
  checkText(input.title, 'title', add);
  if (!Number.isSafeInteger(input.version) || (input.version as number) < 1)
    add('version', 'wrong_type', 'The version is a whole number from 1.');
  checkWeights(input.weights, add);
  const items = input.items;
  if (!Array.isArray(items)) add('items', 'required', 'A template lists its items.');
  else if (items.length === 0) add('items', 'required', 'A template has at least one item.');
  else if (items.length > MAX_TEMPLATE_ITEMS)
    add('items', 'too_many', `A template holds at most ${MAX_TEMPLATE_ITEMS} items (got ${items.length}).`);
  else {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = checkItem(item, `items[${i}]`, add);
      if (id === null) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else add(`items[${i}].id`, 'duplicate', `Item id ${id} is used twice (items[${first}] and items[${i}]).`);
    });
  }
  return out;
}

/** The template, typed, or InvalidChecklistTemplate with every problem. */
export function parseChecklistTemplate(input: unknown): ChecklistTemplate {
  const problems = validateChecklistTemplate(input);
  if (problems.length > 0) throw new InvalidChecklistTemplate(problems);
  return input as ChecklistTemplate;
}

type Add = (field: string, code: TemplateProblemCode, message: string) => void;

/** Returns the item's id when it is well-formed, so duplicates are checked only on real ids. */
function checkItem(item: unknown, at: string, add: Add): string | null {
  if (!isRecord(item)) {
    add(at, 'wrong_type', 'An item is an object with id, group, text, why, evidence and applies.');
    return null;
  }
  for (const field of ['text', 'why', 'evidence'] as const) checkText(item[field], `${at}.${field}`, add);
  const group = item.group;
  const groupKnown = typeof group === 'string' && (CHECKLIST_GROUPS as readonly string[]).includes(group);
  if (!groupKnown) add(`${at}.group`, 'unknown_group', `The group is one of ${CHECKLIST_GROUPS.join(', ')}.`);
  checkApplicability(item.applies, `${at}.applies`, add);
  if (typeof item.id !== 'string' || item.id === '') {
    add(`${at}.id`, 'required', 'Every item has an id such as SCP-1.');
    return null;
  }
  const match = ITEM_ID.exec(item.id);
  if (!match) {
    add(`${at}.id`, 'bad_id', 'An item id is the group and a number, e.g. SCP-1.');
    return null;
  }
  if (groupKnown && match[1] !== group)
    add(`${at}.id`, 'group_mismatch', `Item ${item.id} starts with ${match[1]} but is in group ${String(group)}.`);
  return item.id;
}

function checkApplicability(applies: unknown, at: string, add: Add): void {
  if (!isRecord(applies)) {
    add(at, 'required', 'Say for which product types the item is required or recommended.');
    return;
  }
  const lists: Record<string, unknown[]> = {};
  for (const key of ['required', 'recommended'] as const) {
    const list = applies[key];
    if (!Array.isArray(list)) {
      add(`${at}.${key}`, 'wrong_type', 'A list of product types (may be empty).');
      continue;
    }
    lists[key] = list;
    list.forEach((t, i) => {
      if (!isProductType(t)) add(`${at}.${key}[${i}]`, 'unknown_type', `Unknown product type ${JSON.stringify(t)}.`);
    });
  }
  const both = (lists.required ?? []).filter((t) => isProductType(t) && (lists.recommended ?? []).includes(t));
  if (both.length > 0) add(at, 'conflict', `${both.join(', ')} is both required and recommended.`);
  if ((lists.required?.length ?? 0) + (lists.recommended?.length ?? 0) === 0 && 'required' in lists)
    add(at, 'never_applies', 'The item applies to no product type.');
  const flags = applies.whenFlags;
  if (flags === undefined) return;
  if (!Array.isArray(flags)) add(`${at}.whenFlags`, 'wrong_type', 'A list of flags (pii, ext, stateful).');
  else
    flags.forEach((f, i) => {
      if (!isProductFlag(f)) add(`${at}.whenFlags[${i}]`, 'unknown_flag', `Unknown flag ${JSON.stringify(f)}.`);
    });
}

function checkWeights(weights: unknown, add: Add): void {
  if (!isRecord(weights)) {
    add('weights', 'required', 'Give the score weights of required and recommended items.');
    return;
  }
  for (const key of ['required', 'recommended'] as const) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 100)
      add(`weights.${key}`, 'wrong_type', 'A weight is a number from 0 to 100.');
  }
  if (weights.required === 0) add('weights.required', 'wrong_type', 'Required items must weigh more than nothing.');
}

function checkText(value: unknown, field: string, add: Add): void {
  if (typeof value !== 'string') add(field, value === undefined ? 'required' : 'wrong_type', 'Text is required.');
  else if (value.trim() === '') add(field, 'required', 'Text is required (it is empty).');
  else if (hasUnsafeCharacters(value)) add(field, 'control_characters', 'Text holds control characters (e.g. NUL).');
  else if (value.length > MAX_TEMPLATE_TEXT) add(field, 'too_long', `At most ${MAX_TEMPLATE_TEXT} characters.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
