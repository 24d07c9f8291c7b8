// The screenshot checks the server makes, made first in the browser so a tester hears at once (not after a failed
// upload on a slow phone connection) that a file is too big or not an image. The same rules: at most 5 MB, at most 5
// per result, and the type read from the file's first bytes by core's sniffScreenshot (PNG, JPEG or WebP), never
// from its name or the type the browser declares. The server checks again on upload.
import { UAT_LIMITS, type UatScreenshotType } from '@pi-studio/core/contract/uat';
import { sniffScreenshot } from '@pi-studio/core/uat/screenshots';
import { formatBytes } from './format.ts';

export type CheckedScreenshot = { file: Blob; name: string; type: UatScreenshotType };
export type ScreenshotCheck = { ok: true; screenshot: CheckedScreenshot } | { ok: false; error: string };

/** The `accept` list of the file input: a hint to the picker only; the bytes decide. */
export const SCREENSHOT_ACCEPT = 'image/png,image/jpeg,image/webp';

/** Why a file of this size cannot be sent, or null. */
export function sizeProblem(name: string, size: number): string | null {
  if (size === 0) return `${name} is empty`;
  if (size > UAT_LIMITS.screenshotBytes)
    return `${name} is too large (${formatBytes(size)}); a screenshot may be at most ${formatBytes(UAT_LIMITS.screenshotBytes)}`;
  return null;
}

/** Checks one file's bytes: the image type they are, or why it is refused. */
export function checkScreenshotBytes(name: string, bytes: Uint8Array): ScreenshotCheck {
  const tooBig = sizeProblem(name, bytes.length);
  if (tooBig) return { ok: false, error: tooBig };
  const type = sniffScreenshot(bytes);
  if (!type) return { ok: false, error: `${name} is not a PNG, JPEG or WebP image` };
  return { ok: true, screenshot: { file: new Blob([bytes as BlobPart], { type }), name, type } };
}

/** Reads a picked file (only when its size passes, so a 200 MB video is never loaded) and checks it. */
export async function checkScreenshotFile(file: File): Promise<ScreenshotCheck> {
  const tooBig = sizeProblem(file.name, file.size);
  if (tooBig) return { ok: false, error: tooBig };
  return checkScreenshotBytes(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** How many more screenshots one result may take. */
export const roomLeft = (chosen: number) => Math.max(0, UAT_LIMITS.screenshotsPerRun - chosen);
