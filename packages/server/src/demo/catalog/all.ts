import { expandEntry, type ProductFacts } from '../facts.ts';
import { EDC } from './edc.ts';
import { EMX } from './emx.ts';
import { FINTX } from './fintx.ts';
import { NXN } from './nxn.ts';

export const DEMO_PRODUCTS: ProductFacts[] = [...FINTX, ...EMX, ...NXN, ...EDC].map(expandEntry);

export const DEMO_TAXONOMY: { kind: 'product_type' | 'tag'; code: string; label: string }[] = [
  { kind: 'product_type', code: 'web_app', label: 'Web app' },
  { kind: 'product_type', code: 'mobile_app', label: 'Mobile app' },
  { kind: 'product_type', code: 'api_service', label: 'API service' },
  { kind: 'product_type', code: 'internal_tool', label: 'Internal tool' },
  { kind: 'product_type', code: 'data_product', label: 'Data product' },
  { kind: 'tag', code: 'payments', label: 'Payments' },
  { kind: 'tag', code: 'b2b', label: 'B2B' },
  { kind: 'tag', code: 'b2c', label: 'B2C' },
  { kind: 'tag', code: 'ai', label: 'AI' },
  { kind: 'tag', code: 'compliance', label: 'Compliance' },
  { kind: 'tag', code: 'onboarding', label: 'Onboarding' },
];
