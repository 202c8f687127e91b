// Smoke test: the built page (dist/, served under a sub-path on 127.0.0.1) loads and renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl, screenshot } from './harness.mjs';

test('page loads from dist/ and renders #app with the title, offline and without errors', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());

  const response = await b.page.goto(baseUrl, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `GET ${baseUrl}`);
  await b.waitForApp();

  assert.equal(await b.page.title(), '绩效自评自查');
  assert.equal(await b.page.getAttribute('html', 'lang'), 'zh-CN');
  const appText = await b.page.locator('#app').innerText();
  assert.match(appText, /绩效自评自查/, '#app shows the title text');

  // Every asset came from the page's own server, relative to the sub-path. (`trunk serve` adds an
  // autoreload websocket, which is not an asset.)
  const assets = b.requests.filter((u) => u !== baseUrl && /^https?:/.test(u));
  assert.ok(assets.some((u) => u.endsWith('.wasm')), `a .wasm was loaded: ${assets.join(', ')}`);
  for (const u of assets) assert.ok(u.startsWith(baseUrl), `asset ${u} is under ${baseUrl}`);

  const file = await screenshot(b.page, 'smoke-1280x800');
  t.diagnostic(`screenshot: ${file}`);
  b.assertClean();
});
