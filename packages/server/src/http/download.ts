// A file download: always an attachment, never sniffed or rendered by the browser, never cached. The file name is
// given twice, ASCII-only for old clients and UTF-8 (RFC 6266) for the rest.
export function attachment(bytes: Uint8Array | string, fileName: string, mediaType: string): Response {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  // A copy backed by a plain ArrayBuffer, as BodyInit wants (a Buffer from the driver may share a pool's).
  return new Response(typeof bytes === 'string' ? bytes : new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': mediaType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
