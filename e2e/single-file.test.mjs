// The single self-contained file dist/selfcheck.html works from file:// with no network and keeps
// localStorage across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { openBrowser, singleFilePath, singleFileUrl, screenshot } from './harness.mjs';

test('dist/selfcheck.html is self-contained', () => {
  assert.ok(existsSync(singleFilePath), `${singleFilePath} exists (run \`make dist\`)`);
  const html = readFileSync(singleFilePath, 'utf8');
  assert.doesNotMatch(html, /<link[^>]+rel=["']?(modulepreload|preload|stylesheet)/i, 'no preload/stylesheet links');
  assert.doesNotMatch(html, /<script[^>]+src=/i, 'no external scripts');
  assert.doesNotMatch(html, /\b(src|href)=["']?(https?:)?\/\//i, 'no absolute URLs in src/href');
});

test('dist/selfcheck.html renders from file:// and keeps localStorage across reload', async (t) => {
  // Only the file itself may be requested: no http(s) at all.
  const b = await openBrowser({ allowPrefixes: [singleFileUrl] });
  t.after(() => b.close());
  await b.context.route(/^https?:/, (route) => route.abort()); // belt and braces: no network

  await b.page.goto(singleFileUrl, { waitUntil: 'load' });
  await b.waitForApp();
  assert.match(await b.page.locator('#app').innerText(), /绩效自评自查/);
  assert.equal(await b.page.title(), '绩效自评自查');

  const key = 'selfcheck-e2e-probe';
  const value = `kept ${Date.now()}`;
  await b.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
  await b.page.reload({ waitUntil: 'load' });
  await b.waitForApp();
  assert.equal(await b.page.evaluate((k) => localStorage.getItem(k), key), value);

  await screenshot(b.page, 'single-file-1280x800');
  b.assertClean();
});
