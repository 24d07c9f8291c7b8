// A real OpenID Connect provider for tests: oidc-provider (panva; the same author as openid-client, OpenID-certified)
// listening on 127.0.0.1 at a random port, with one confidential client and accounts the test controls. Its
// development login form takes any password; the account is chosen by the "login" field (the account's sub).
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export type TestAccount = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account (claims are read at each sign-in, so a test can change groups in between). */
  setAccount(account: TestAccount): void;
  close(): Promise<void>;
};

export async function startTestProvider(opts: {
  redirectUris: string[];
  accounts?: TestAccount[];
  /**
   * Publish someone else's keys at the JWKS endpoint while signing ID tokens with its own: every ID token it issues
   * then has a signature the relying party cannot verify (a forged or tampered token).
   */
  publishForeignKeys?: boolean;
}): Promise<TestProvider> {
  const accounts = new Map((opts.accounts ?? []).map((a) => [a.sub, a]));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'pi-studio-test';
  const clientSecret = 'test-secret-0123456789-abcdefghijklmnop';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    // groups rides on the profile scope so the relying party's standard scopes release it.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['pi-studio-test-idp-cookie-key'] },
    // Our own signing key and lifetimes: the provider's development defaults print a warning each.
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      if (!accounts.has(sub)) return undefined;
      return {
        accountId: sub,
        claims: async () => {
          const { sub: _, ...claims } = accounts.get(sub) ?? { sub };
          return { sub, ...claims };
        },
      };
    },
    // A first-party client: no consent screen, as a company IdP configured for its own apps behaves.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // Silence the provider's own error logging of expected failures (bad codes in negative tests).
  provider.on('server_error', () => {});
  const handle = provider.callback();
  const foreign = { keys: [publicJwk(), publicJwk()] };
  server.on('request', (req, res) => {
    if (!opts.publishForeignKeys || !req.url?.startsWith('/jwks')) return void handle(req, res);
    res.setHeader('content-type', 'application/jwk-set+json');
    res.end(JSON.stringify(foreign));
  });

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (a) => accounts.set(a.sub, a),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function publicJwk() {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  return { ...jwk, use: 'sig', alg: 'RS256', kid: `foreign-${Math.random().toString(36).slice(2)}` };
}

/** Cookies by name for one site; enough for the provider's interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Drives the provider like a browser would, with plain HTTP: follow its redirects, fill the development login form,
 * and stop at the first redirect that leaves the provider (the relying party's callback URL, returned).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.origin !== origin) return url;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"')) throw new Error(`no login form at ${url}: ${html.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    const post = await fetch(new URL(action.replace(/&amp;/g, '&'), url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    jar.take(post);
    const next = post.headers.get('location');
    if (!next) throw new Error(`login form post answered ${post.status}: ${(await post.text()).slice(0, 300)}`);
    url = new URL(next, url);
    if (url.origin !== origin) return url;
  }
  throw new Error('too many redirects at the provider');
}
