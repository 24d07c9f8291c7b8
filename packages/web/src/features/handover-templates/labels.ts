// Product types, levels and areas in words for the template pages (core keeps the codes).
import { CHECKLIST_GROUP_LABELS, type ChecklistGroup } from '@pi-studio/core/handover-package/checklist-template';
import { PRODUCT_TYPE_LABELS, type ProductType } from '@pi-studio/core/handover-package/profile';
import type { TypeLevel } from './template-form.ts';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const typeLabel = (type: ProductType) => sentence(PRODUCT_TYPE_LABELS[type]);
export const groupLabel = (group: ChecklistGroup) => CHECKLIST_GROUP_LABELS[group];

export const TYPE_LEVEL_LABEL: Record<TypeLevel, string> = {
  required: 'Required',
  recommended: 'Recommended',
  none: 'Not applicable',
};
export const TYPE_LEVEL_COLOR: Record<TypeLevel, string> = { required: 'red', recommended: 'blue', none: 'gray' };
