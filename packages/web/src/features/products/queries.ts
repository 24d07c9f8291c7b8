import { useQuery } from '@tanstack/react-query';
import { fetchAllProducts, fetchProduct, type ProductFilters } from './api.ts';

export const productKeys = {
  all: ['products'] as const,
  lists: () => [...productKeys.all, 'list'] as const,
  list: (filters: ProductFilters) => [...productKeys.lists(), filters] as const,
  detail: (code: string) => [...productKeys.all, 'detail', code] as const,
};

export const useProducts = (filters: ProductFilters) =>
  useQuery({
    queryKey: productKeys.list(filters),
    queryFn: ({ signal }) => fetchAllProducts(filters, signal),
    placeholderData: (previous) => previous,
  });

export const useProduct = (code: string) =>
  useQuery({ queryKey: productKeys.detail(code), queryFn: () => fetchProduct(code) });
