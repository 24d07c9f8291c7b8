import type { Person } from '@pi-studio/core/contract/common';

/** A person the API names ({id, name, email}), or nobody: null when the account is gone or none was set. */
export type PersonRef = Person | null | undefined;

export const personName = (p: PersonRef, fallback = 'Unknown'): string => p?.name || fallback;
