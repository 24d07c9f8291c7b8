// Content-Type decided by parsing the media type (RFC 9110 §8.3.1), never by a substring: a browser may send
// `text/plain;application/json` cross-site without a CORS preflight, so a substring match let a plain HTML form post
// JSON to the API (a CSRF vector for token-less endpoints).

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** `type/subtype` in lower case, without parameters; undefined when the header is missing or malformed. */
export function mediaType(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const essence = (header.split(';', 1)[0] ?? '').trim().toLowerCase();
  const [type, subtype, ...rest] = essence.split('/');
  if (rest.length || !type || !subtype || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  return `${type}/${subtype}`;
}

/** `application/json` or a structured-syntax `+json` type (`application/merge-patch+json`); parameters allowed. */
export function isJsonMediaType(header: string | undefined): boolean {
  const t = mediaType(header);
  return t === 'application/json' || (t?.startsWith('application/') === true && t.endsWith('+json'));
}

export function isMultipartFormData(header: string | undefined): boolean {
  return mediaType(header) === 'multipart/form-data';
}
