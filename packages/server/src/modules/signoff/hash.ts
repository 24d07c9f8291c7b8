// The one hash of the sign-off chain and its evidence: sha256, hex (core's chain logic takes it as a parameter).
import { createHash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
