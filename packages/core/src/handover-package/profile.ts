// Who a checklist is for: the product's type and flags (research/handover.md, "Product types for applicability").
// Codes are data the taxonomy shares; labels are what people read in reasons such as "N/A: not internet-facing".

export const PRODUCT_TYPES = ['WEB', 'INT', 'API', 'DATA', 'AI'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PRODUCT_TYPE_LABELS: Readonly<Record<ProductType, string>> = {
  WEB: 'user-facing web/mobile app',
  INT: 'internal/back-office tool',
  API: 'API/integration service',
  DATA: 'pipeline, batch job, report or dashboard',
  AI: 'LLM/ML feature or agent',
};

export const PRODUCT_FLAGS = ['pii', 'ext', 'stateful'] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

/** What a missing flag means, for "N/A" reasons. */
export const FLAG_ABSENT_LABELS: Readonly<Record<ProductFlag, string>> = {
  pii: 'no personal or financial data',
  ext: 'not internet-facing',
  stateful: 'owns no data',
};

export type ProductProfile = { type: ProductType; flags: readonly ProductFlag[] };

export function isProductType(value: unknown): value is ProductType {
  return typeof value === 'string' && (PRODUCT_TYPES as readonly string[]).includes(value);
}

export function isProductFlag(value: unknown): value is ProductFlag {
  return typeof value === 'string' && (PRODUCT_FLAGS as readonly string[]).includes(value);
}
