// The workspace module's hot reads, kept in `deps.caches` (lib/read-cache.ts) until a committed change lands.
import { productKey } from '../../../db/change-feed.ts';
import { readCacheSlot } from '../../../lib/read-cache.ts';
import type { ProductDetailRow } from './detail-query.ts';

/** A product's page is built from its own row and rows that notify table-wide: saving another product keeps it. */
export const productDetailCache = readCacheSlot<ProductDetailRow>({ keyOf: (row) => productKey(row.id) });
/** Product list pages as response JSON (up to 200 products each: fewer entries). */
export const productListCache = readCacheSlot<string>({ maxEntries: 200 });
