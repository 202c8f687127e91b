// The single file dist/selfcheck.html, opened from file://: the page works with no network at
// all and a draft typed there is still there after a reload (autosave to localStorage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, singleFileUrl, screenshot } from './harness.mjs';

const domId = (p) => 'f-' + p.replaceAll('.', '-');

test('selfcheck.html from file:// computes, autosaves and restores the draft', async (t) => {
  const b = await openBrowser({ allowPrefixes: [singleFileUrl] });
  t.after(() => b.close());
  await b.context.route(/^https?:/, (route) => route.abort());
  await b.page.goto(singleFileUrl, { waitUntil: 'load' });
  await b.waitForApp();
  const p = b.page;
  await p.locator(`[id="${domId('unit.name')}"]`).fill('文件中的单位');
  await p.locator(`[id="${domId('budget.total.adjusted')}"]`).fill('35,408.62');
  await p.locator(`[id="${domId('budget.total.actual')}"]`).fill('33,814.57');
  await p.waitForFunction(() => document.querySelector('[id="calc-rate-total"] .v')?.textContent === '95.50%');
  await p.waitForFunction(() => /已自动保存/.test(document.querySelector('.saved')?.textContent ?? ''), null, { timeout: 5000 });
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  assert.equal(await p.locator(`[id="${domId('unit.name')}"]`).inputValue(), '文件中的单位');
  await p.waitForFunction(() => document.querySelector('[id="calc-rate-total"] .v')?.textContent === '95.50%');
  await screenshot(p, 'page-single-file-1280x800');
  b.assertClean();
});
