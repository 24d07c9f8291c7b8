import type {
  ProductDocument as DocumentSummary,
  ProductDetail,
  ProductGate,
  ProductInput,
  ProductListItem,
  ProductPage,
  ProductPatch,
  ProductQuery,
  Product as ProductRecord,
  StageBody,
} from '@pi-studio/core/contract/products';
import { api, getWithEtag, qs } from '../../lib/api.ts';

/** A product on the board: the product and its gate status. */
export type Product = ProductListItem;
export type { DocumentSummary, ProductDetail, ProductGate };

/** What the board filters by: the list's query without the paging (fetchAllProducts follows the cursor). */
export type ProductFilters = Omit<ProductQuery, 'cursor' | 'limit'>;

const PAGE = 100;
const MAX_PAGES = 20;

/** The board shows the whole portfolio, so it follows the cursor (bounded, to stay responsive). */
export async function fetchAllProducts(filters: ProductFilters, signal?: AbortSignal): Promise<Product[]> {
  const items: Product[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.get<ProductPage>(`/products${qs({ ...filters, limit: PAGE, cursor })}`, { signal });
    items.push(...res.items);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return items;
}

export async function fetchProduct(code: string): Promise<{ product: ProductDetail; etag: string | null }> {
  const { data, etag } = await getWithEtag<ProductDetail>(`/products/${encodeURIComponent(code)}`);
  return { product: data, etag };
}

export const createProduct = (body: ProductInput) => api.post<ProductRecord>('/products', body);

export const updateProduct = (code: string, body: ProductPatch, etag?: string | null) =>
  api.patch<ProductRecord>(`/products/${encodeURIComponent(code)}`, body, {
    headers: etag ? { 'if-match': etag } : undefined,
  });

/** A studio administrator's forced stage move, with the reason (audited, shown on the product page). */
export const forceStage = (code: string, body: StageBody, etag?: string | null) =>
  api.post<ProductRecord>(`/products/${encodeURIComponent(code)}/stage`, body, {
    headers: etag ? { 'if-match': etag } : undefined,
  });
