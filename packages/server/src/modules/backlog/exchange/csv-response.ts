// A CSV download (UTF-8, RFC 4180 as core/exchange/csv.ts writes it), as an attachment named after the product.
export function csvResponse(text: string, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(text, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe}"`,
      'cache-control': 'no-store',
    },
  });
}
