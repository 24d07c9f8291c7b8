// The web-platform APIs core may use: those every runtime core runs in provides (browsers, Node ≥ 20, web workers;
// the WinterTC "minimum common API"). Core's tsconfig leaves out the DOM and Node's types, so anything else (document,
// Buffer, node:fs) does not compile here. Only what core uses is declared; add a member when core needs it.
// Programs that include the DOM or Node types (web, server, tests) take these from there instead.

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare const TextDecoder: {
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare const TextEncoder: {
  new (): TextEncoder;
};

interface URL {
  readonly hash: string;
  readonly hostname: string;
  readonly origin: string;
  readonly password: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly search: string;
  readonly username: string;
}
declare const URL: {
  new (url: string, base?: string): URL;
};

/** Decodes base64 (not base64url) into a binary string; throws on malformed input. */
declare function atob(data: string): string;
