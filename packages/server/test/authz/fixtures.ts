// Records the matrix (and the fuzz test) point their requests at, built once per subsidiary through the API
// by a studio administrator, so every case names a real, stored record.
import type { Role } from '@pi-studio/core/access/roles';
import { createTestContext, type TestClient, type TestContext, type TestUser } from '../harness.ts';
import { FOREIGN, OWN } from './policy.ts';

/**
 * The app's clock for these tests. Sign-ins are rate limited per client per minute; the matrix signs in
 * dozens of users, so the clock moves on a minute now and then instead of the test sleeping.
 */
export class TestClock {
  private ms = Date.now();
  private logins = 0;
  readonly now = (): Date => new Date(this.ms);
  beforeLogin(): void {
    this.logins += 1;
    if (this.logins % 15 === 0) this.ms += 61_000;
  }
}

export type Caller = { client: TestClient; user?: TestUser };

export type ProductRef = { code: string; id: string };
export type DocumentRef = { id: string; revision: number; version: string; productCode: string };

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export class Fixtures {
  private counter = 0;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    readonly t: TestContext,
    readonly admin: TestClient,
    readonly clock: TestClock,
  ) {}

  /** A value no other call returns: for codes, names and emails that must not collide. */
  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = make();
      this.cache.set(key, hit);
    }
    return hit;
  }

  async login(user: TestUser): Promise<TestClient> {
    this.clock.beforeLogin();
    return this.t.client(user).login();
  }

  /** A new signed-in user: global admin, a role in `sub`, or nothing. */
  async newCaller(opts: { isAdmin?: boolean; role?: Role; sub?: string } = {}): Promise<Caller> {
    const roles = opts.role && opts.sub ? { [opts.sub]: opts.role } : {};
    const user = await this.t.user({ isAdmin: opts.isAdmin, roles });
    return { user, client: await this.login(user) };
  }

  /** A user nobody acts as: the target of user administration calls. */
  spareUser(): Promise<TestUser> {
    return this.t.user({ roles: {} });
  }

  productType(): Promise<string> {
    return this.once('productType', async () => {
      const r = await ok<{ items: { code: string }[] }>(
        await this.admin.get('/api/v1/taxonomy?kind=product_type'),
        'types',
      );
      const first = r.items[0];
      if (!first) throw new Error('fixture: no product types seeded');
      return first.code;
    });
  }

  tagTerm(): Promise<{ id: string; label: string }> {
    return this.once('tag', async () => {
      const r = await ok<{ items: { id: string; label: string }[] }>(
        await this.admin.get('/api/v1/taxonomy?kind=tag'),
        'tags',
      );
      const first = r.items[0];
      if (!first) throw new Error('fixture: no tags seeded');
      return first;
    });
  }

  async convention(): Promise<unknown> {
    return (await ok<{ convention: unknown }>(await this.admin.get('/api/v1/naming'), 'naming')).convention;
  }

  /** The shared product of `sub` (read, update and list cases aim here). */
  product(sub: string): Promise<ProductRef> {
    return this.once(`product:${sub}`, () => this.newProduct(sub, `Matrix ${sub} product`));
  }

  /** A product of its own, for cases that add a document (a product holds one document per kind). */
  async newProduct(sub: string, name = `Matrix ${this.unique(`${sub} product `)}`): Promise<ProductRef> {
    const body = { subsidiary: sub, name, productType: await this.productType() };
    return ok<ProductRef>(await this.admin.post('/api/v1/products', body), `product in ${sub}`);
  }

  /** A word only the fixture document of `sub` contains. */
  searchNeedle(sub: string): string {
    return `matrixneedle${sub.toLowerCase()}`;
  }

  /** A PRD in `sub` containing its search needle. Cases that edit it read its ETag first. */
  document(sub: string): Promise<DocumentRef> {
    return this.once(`document:${sub}`, async () => {
      const { code } = await this.newProduct(sub, `Matrix ${sub} documented`);
      const body = { kind: 'prd', title: `Matrix ${sub} PRD`, body: `# Matrix ${sub}\n\n${this.searchNeedle(sub)}\n` };
      const doc = await ok<{ id: string; revision: number; currentVersion: { version: string } }>(
        await this.admin.post(`/api/v1/products/${code}/documents`, body),
        `document in ${sub}`,
      );
      return { id: doc.id, revision: doc.revision, version: doc.currentVersion.version, productCode: code };
    });
  }

  /** The document's current ETag, for If-Match on edits (other cases may have added versions). */
  async documentEtag(id: string): Promise<string> {
    const res = await this.admin.get(`/api/v1/documents/${id}`);
    await ok(res, 'document etag');
    return res.headers.get('etag') ?? '""';
  }

  template(): Promise<{ id: string }> {
    return this.once('template', async () => {
      const r = await ok<{ items: { id: string }[] }>(await this.admin.get('/api/v1/templates'), 'templates');
      const first = r.items[0];
      if (!first) throw new Error('fixture: no templates seeded');
      return first;
    });
  }
}

/** The studio both matrices run in: the caller's own subsidiary, a foreign one, and fixtures made by an administrator. */
export async function openMatrixStudio(clock: TestClock): Promise<{ t: TestContext; f: Fixtures }> {
  const t = await createTestContext({ now: clock.now });
  await t.subsidiary(OWN);
  await t.subsidiary(FOREIGN);
  const admin = await t.user({ isAdmin: true });
  clock.beforeLogin();
  return { t, f: new Fixtures(t, await t.client(admin).login(), clock) };
}
