import { UAT_LIMITS } from '@pi-studio/core/contract/uat';
import { describe, expect, it } from 'vitest';
import { checkScreenshotBytes, checkScreenshotFile, roomLeft, sizeProblem } from './screenshot-check.ts';

// The smallest files each rule accepts: a PNG with its IHDR chunk, a JPEG with start and end markers, a WebP whose
// RIFF size matches.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9]);
const webp = () => {
  const b = new Uint8Array(20);
  b.set([0x52, 0x49, 0x46, 0x46, 12, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
  return b;
};
const text = (s: string) => new TextEncoder().encode(s);

describe('checkScreenshotBytes', () => {
  it('accepts PNG, JPEG and WebP, typed by their bytes', () => {
    expect(checkScreenshotBytes('a.png', PNG)).toMatchObject({ ok: true, screenshot: { type: 'image/png' } });
    expect(checkScreenshotBytes('b.jpg', JPEG)).toMatchObject({ ok: true, screenshot: { type: 'image/jpeg' } });
    expect(checkScreenshotBytes('c.webp', webp())).toMatchObject({ ok: true, screenshot: { type: 'image/webp' } });
    // The name does not decide: a PNG named .jpg is a PNG.
    expect(checkScreenshotBytes('photo.jpg', PNG)).toMatchObject({ ok: true, screenshot: { type: 'image/png' } });
  });

  it('refuses what is not one of those images, whatever its name', () => {
    for (const [name, bytes] of [
      ['page.png', text('<html><script>alert(1)</script></html>')],
      ['logo.png', text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
      ['anim.gif', text('GIF89a\u0001\u0000')],
      ['cut.jpg', JPEG.slice(0, 6)],
      ['bare.png', PNG.slice(0, 8)],
    ] as const) {
      expect(checkScreenshotBytes(name, bytes)).toEqual({
        ok: false,
        error: `${name} is not a PNG, JPEG or WebP image`,
      });
    }
  });

  it('refuses an empty file and one over 5 MB, naming the size', () => {
    expect(checkScreenshotBytes('empty.png', new Uint8Array(0))).toEqual({ ok: false, error: 'empty.png is empty' });
    const big = new Uint8Array(UAT_LIMITS.screenshotBytes + 1);
    big.set(PNG);
    expect(checkScreenshotBytes('big.png', big)).toEqual({
      ok: false,
      error: 'big.png is too large (5 MB); a screenshot may be at most 5 MB',
    });
  });
});

describe('sizeProblem', () => {
  it('lets exactly 5 MB through and refuses a byte more', () => {
    expect(sizeProblem('a.png', UAT_LIMITS.screenshotBytes)).toBeNull();
    expect(sizeProblem('a.png', 200 * 1024 * 1024)).toBe(
      'a.png is too large (200 MB); a screenshot may be at most 5 MB',
    );
  });
});

describe('checkScreenshotFile', () => {
  it('refuses a huge file by its size without reading it', async () => {
    const huge = { name: 'video.png', size: 200 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) };
    expect(await checkScreenshotFile(huge as unknown as File)).toEqual({
      ok: false,
      error: 'video.png is too large (200 MB); a screenshot may be at most 5 MB',
    });
  });

  it('reads and checks a file of an allowed size', async () => {
    const file = new File([PNG], 'shot.png', { type: 'text/plain' });
    expect(await checkScreenshotFile(file)).toMatchObject({
      ok: true,
      screenshot: { name: 'shot.png', type: 'image/png' },
    });
  });
});

describe('roomLeft', () => {
  it('counts down from 5 screenshots per result', () => {
    expect(roomLeft(0)).toBe(5);
    expect(roomLeft(4)).toBe(1);
    expect(roomLeft(7)).toBe(0);
  });
});
