// The workspace module's hot reads, kept in `deps.caches` (lib/read-cache.ts) until a committed change lands.
import { readCacheSlot } from '../../../lib/read-cache.ts';
import type { ProductDetailRow } from './detail-query.ts';

export const productDetailCache = readCacheSlot<ProductDetailRow>();
/** Product list pages as response JSON (up to 200 products each: fewer entries). */
export const productListCache = readCacheSlot<string>({ maxEntries: 200 });
