import { DEFAULT_CONVENTION } from '@pi-studio/core/naming/convention';
import type { Deps } from '../../use-case/deps.ts';
import { insertSettingIfMissing, insertTermsIfMissing } from './admin/repo.ts';

const PRODUCT_TYPES: [string, string][] = [
  ['web_app', 'Web app'],
  ['mobile_app', 'Mobile app'],
  ['api_service', 'API service'],
  ['internal_tool', 'Internal tool'],
  ['data_product', 'Data product'],
];
const TAGS: [string, string][] = [
  ['payments', 'Payments'],
  ['b2b', 'B2B'],
  ['b2c', 'B2C'],
  ['ai', 'AI'],
  ['compliance', 'Compliance'],
  ['onboarding', 'Onboarding'],
  ['revamp', 'Revamp'],
  ['analytics', 'Analytics'],
];

/** Idempotent: default taxonomy and naming convention when missing. */
export async function seedWorkspaceDefaults(deps: Deps): Promise<void> {
  const terms = [
    ...PRODUCT_TYPES.map(([code, label]) => ({ kind: 'product_type', code, label })),
    ...TAGS.map(([code, label]) => ({ kind: 'tag', code, label })),
  ];
  await insertTermsIfMissing(deps.db, terms);
  await insertSettingIfMissing(deps.db, 'naming_convention', DEFAULT_CONVENTION, 1);
}
