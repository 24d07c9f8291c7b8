// Handover packs in a real browser (issue #14): a product's packs page, empty → a security pack with a pasted AWS key
// uploaded: it fails, the key is masked and named as a blocker → its findings → a complete runbook uploaded: it
// passes → a file that is no pack refused in the browser. The packs come from core's test packs
// (packages/core/src/handover/test-packs), the same the validator's tests use. Every screen at 1440 and 390 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { ROOT } from './support/server.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const testPack = (name: string) => readFileSync(path.join(ROOT, 'packages/core/src/handover/test-packs', name));

async function seedProduct(baseUrl: string): Promise<string> {
  await seedStudio(baseUrl);
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  const types = await po.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  const product = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name: 'PayFlow',
    productType: types.items[0]?.code,
    poId: me.user.id,
  });
  return product.code;
}

describe.runIf(chromiumAvailable())('journey: handover packs checked on upload', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let code = '';
  const { step, bothWidths } = journey('handover-packs-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      code = await seedProduct(base);
    });
    page = session.page;
  });
  afterAll(() => closeJourney(session));

  const card = (kind: string) => page.getByTestId(`pack-${kind}`);
  const upload = (kind: string, name: string, mimeType: string, buffer: Buffer) =>
    card(kind).locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });

  step('the packs page lists the five packs IT needs, none uploaded', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(`${session?.url}/products/${code}/handover`);
    await page.getByTestId('handover-packs-page').waitFor();
    expect(await page.getByTestId('pack-empty').count()).toBe(5);
    await bothWidths(page, 'empty');
  });

  step('a security pack with a pasted AWS key fails: the key is a blocker and masked', async () => {
    await upload('security', 'security-pack.md', 'text/markdown', testPack('security-secret.md'));
    await card('security').getByTestId('pack-masked').waitFor();
    expect(await card('security').getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('fail');
    expect(await card('security').getByTestId('pack-version-line').textContent()).toMatch(
      /Version 1 · score \d+ · \d+ blockers?/,
    );
    // Uploading shows the findings of what was just checked.
    await page.getByTestId('pack-findings').waitFor();
    const rules = await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    // Blockers first: the pasted secrets.
    expect(rules[0]).toMatch(/^pack\.secret\./);
    const shown = await page.getByTestId('pack-findings').textContent();
    expect(shown).not.toMatch(/AKIA[0-9A-Z]{16}/);
    await bothWidths(page, 'secret-blocked', () => page.getByTestId('pack-findings').scrollIntoViewIfNeeded());
  });

  step('a complete runbook passes', async () => {
    await upload('runbook', 'runbook.md', 'text/markdown', testPack('runbook-complete.md'));
    await card('runbook').getByTestId('pack-version-line').waitFor();
    expect(await card('runbook').getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('pass');
    await page.waitForURL(/kind=runbook/);
    await bothWidths(page, 'runbook-passed');
  });

  step('a file that is no pack is refused in the browser, and nothing is uploaded', async () => {
    await upload('qa', 'photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await card('qa').getByTestId('pack-upload-error').getByText('is not a pack file').waitFor();
    await card('qa').getByTestId('pack-empty').waitFor();
  });
});
