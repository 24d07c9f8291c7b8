// A screenshot download: the stored bytes with the media type they were recognised as, always as an attachment and
// with nosniff, so a browser never renders it as a page of this origin whatever the bytes hold.
import type { ScreenshotFile } from './service.ts';

export function screenshotResponse(file: ScreenshotFile): Response {
  // A copy on a plain ArrayBuffer: what the DOM's BodyInit accepts (the driver may hand back a shared buffer).
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.bytes.length),
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
}

/** What the upload routes publish and read: the image itself as the body, at most this many bytes on the wire. */
export const SCREENSHOT_WIRE_LIMIT = 8 * 1024 * 1024;
