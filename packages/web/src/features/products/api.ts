import { api, getWithEtag, qs } from '../../lib/api.ts';
import type { PersonRef } from '../../lib/people.ts';
import type { Stage } from '../../lib/stages.ts';
import type { Person } from '../workspace/api.ts';

export type Product = {
  id: string;
  code: string;
  name: string;
  subsidiary: { id: string; code: string; name: string };
  productType: string;
  tags: string[];
  stage: Stage;
  summary: string | null;
  po: Person | null;
  builder: Person | null;
  itOwner: Person | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
};

export type DocumentSummary = {
  id: string;
  kind: string;
  title: string;
  code?: string;
  currentVersion: { id: string; version: string; createdAt: string; author: PersonRef } | null;
  versionCount: number;
};

export type ProductDetail = Product & { documents: DocumentSummary[] };

export type ProductFilters = { subsidiary?: string; type?: string; owner?: string; q?: string };

export type CreateProductBody = {
  subsidiary: string;
  name: string;
  productType: string;
  key?: string;
  tags?: string[];
  summary?: string;
  poId?: string;
  builderId?: string;
  itOwnerId?: string;
};

export type UpdateProductBody = Partial<{
  name: string;
  productType: string;
  tags: string[];
  stage: Stage;
  summary: string | null;
  poId: string | null;
  builderId: string | null;
  itOwnerId: string | null;
}>;

const PAGE = 100;
const MAX_PAGES = 20;

/** The board shows the whole portfolio, so it follows the cursor (bounded, to stay responsive). */
export async function fetchAllProducts(filters: ProductFilters, signal?: AbortSignal): Promise<Product[]> {
  const items: Product[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.get<{ items: Product[]; nextCursor: string | null }>(
      `/products${qs({ ...filters, limit: PAGE, cursor })}`,
      { signal },
    );
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

export const createProduct = (body: CreateProductBody) => api.post<Product>('/products', body);

export const updateProduct = (code: string, body: UpdateProductBody, etag?: string | null) =>
  api.patch<Product>(`/products/${encodeURIComponent(code)}`, body, {
    headers: etag ? { 'if-match': etag } : undefined,
  });
