// The packs page's search: `?kind=` picks the pack whose findings are shown (the router keeps only known kinds).
import type { PackKind } from '@pi-studio/core/handover/types';

export { isPackKind } from '@pi-studio/core/handover/types';

export type HandoverSearch = { kind?: PackKind };
