import type {
  ProductDocument as DocumentSummary,
  Product,
  ProductDetail,
  ProductInput,
  ProductPage,
  ProductPatch,
  ProductQuery,
} from '@pi-studio/core/contract/products';
import { api, getWithEtag, qs } from '../../lib/api.ts';

export type { DocumentSummary, Product, ProductDetail };

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

export const createProduct = (body: ProductInput) => api.post<Product>('/products', body);

export const updateProduct = (code: string, body: ProductPatch, etag?: string | null) =>
  api.patch<Product>(`/products/${encodeURIComponent(code)}`, body, {
    headers: etag ? { 'if-match': etag } : undefined,
  });
