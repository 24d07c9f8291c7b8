// Document kinds as data: the model admits more kinds than the UI creates today.

export const DOCUMENT_KINDS = ['context', 'prd', 'story', 'handover'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kinds a person can create as documents in v1; the others exist for templates. */
export const CREATABLE_KINDS = ['context', 'prd'] as const satisfies readonly DocumentKind[];
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export const KIND_INFO: Record<DocumentKind, { label: string; codeSuffix: string }> = {
  context: { label: 'Context', codeSuffix: 'CONTEXT' },
  prd: { label: 'PRD', codeSuffix: 'PRD' },
  story: { label: 'User Story', codeSuffix: 'STORY' },
  handover: { label: 'Handover', codeSuffix: 'HANDOVER' },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The id people see, e.g. `FINTX-PAYOUTS-PRD` for the PRD of product `FINTX-PAYOUTS`. */
export function documentCode(productCode: string, kind: DocumentKind): string {
  return `${productCode}-${KIND_INFO[kind].codeSuffix}`;
}

/** Default title when the author gives none, e.g. `Payouts PRD`. */
export function defaultTitle(productName: string, kind: DocumentKind): string {
  return `${productName} ${KIND_INFO[kind].label}`;
}
