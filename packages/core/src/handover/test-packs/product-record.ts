// The product record the packs in this folder were written for (tests only).
import type { ProductRecord } from '../types.ts';

export const PAYFLOW_RECORD: ProductRecord = {
  name: 'PayFlow',
  code: 'FINTX-PAYFLOW',
  version: '2.4.0',
  owners: [{ name: 'Ada Obi', email: 'ada.obi@fintx.io' }],
  environments: [
    { name: 'staging', url: 'https://payflow.staging.fintx.io' },
    { name: 'production', url: 'https://payflow.fintx.io' },
  ],
};
