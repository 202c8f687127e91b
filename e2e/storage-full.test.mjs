// When the browser cannot keep drafts (crates/app/src/storage.rs): storage full (setItem throws
// QuotaExceededError) and storage unavailable (reading window.localStorage throws SecurityError).
// The page says so in its own words, keeps what was typed, and 导出为文件 still saves the draft as
// a file with what was typed in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openBrowser, baseUrl, screenshot } from './harness.mjs';

// The page's messages (storage.rs, StoreError::message).
const FULL = '浏览器存储已满：最近的修改未能保存。请用“导出”存为文件，并删除不用的草稿。';
const UNAVAILABLE = '浏览器存储不可用：草稿不会自动保存。请用“导出”把草稿存为文件。';

async function open(t, initScript) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 }, contextOptions: { acceptDownloads: true } });
  t.after(() => b.close());
  await b.context.addInitScript(initScript);
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  return b;
}

/** Clicks 导出为文件 and returns the downloaded draft, parsed. */
async function exportDraft(page) {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.getByRole('button', { name: '导出为文件' }).click(),
  ]);
  assert.match(dl.suggestedFilename(), /\.json$/);
  return JSON.parse(await readFile(await dl.path(), 'utf8'));
}

const savedText = (page) => page.locator('.draft-bar .saved').textContent();

test('storage full: the page says so, keeps what was typed, exports it, and saves again once there is room', async (t) => {
  // setItem throws QuotaExceededError while window.__storageFull is set.
  const b = await open(t, () => {
    const setItem = Storage.prototype.setItem;
    window.__storageFull = false;
    window.__refusedWrites = 0;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) {
        window.__refusedWrites += 1;
        throw new DOMException('Failed to set the item: the quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  const p = b.page;
  const name = p.locator('#f-unit-name');
  // First, autosave works.
  await name.fill('广州市总工会');
  await p.waitForFunction(() => /已自动保存/.test(document.querySelector('.draft-bar .saved')?.textContent ?? ''));

  // Storage fills up; the next change cannot be saved.
  await p.evaluate(() => { window.__storageFull = true; });
  await name.pressSequentially('（本级）');
  await p.locator('#f-budget-rows-fin-adjusted').fill('27,585.71');
  const failed = p.locator('.draft-bar .saved.failed');
  await failed.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await failed.textContent(), FULL);
  assert.equal(await failed.getAttribute('role'), 'status', 'announced to screen readers');
  assert.ok(await p.evaluate(() => window.__refusedWrites) >= 1, 'the page tried to save');
  const box = await failed.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 800 && box.x >= 0 && box.x + box.width <= 1280, 'the message is on screen');
  await screenshot(p, 'storage-full');
  // Nothing typed is lost on the page.
  assert.equal(await name.inputValue(), '广州市总工会（本级）');
  assert.equal(await p.locator('#f-budget-rows-fin-adjusted').inputValue(), '27,585.71');
  // The stored copy is the one from before (the page did not pretend otherwise).
  const stored = await p.evaluate(() => localStorage.getItem('selfcheck/drafts'));
  assert.ok(stored.includes('广州市总工会') && !stored.includes('（本级）'), 'storage holds the last successful save');

  // Export still works and has what was typed.
  const doc = await exportDraft(p);
  assert.equal(doc.format, 'selfcheck/self-evaluation');
  assert.equal(doc.unit.name, '广州市总工会（本级）');
  assert.ok(JSON.stringify(doc).includes('27,585.71'), 'the typed budget figure is in the exported file');

  // Room again: the next change is saved and the message goes.
  await p.evaluate(() => { window.__storageFull = false; });
  await p.locator('#f-budget-rows-fin-actual').fill('26,393.83');
  await p.waitForFunction(() => /已自动保存/.test(document.querySelector('.draft-bar .saved')?.textContent ?? ''), null, { timeout: 5000 });
  assert.equal(await p.locator('.draft-bar .saved.failed').count(), 0);
  assert.match(await p.evaluate(() => localStorage.getItem('selfcheck/drafts')), /广州市总工会（本级）[\s\S]*26,393\.83|26,393\.83[\s\S]*广州市总工会（本级）/);
  // Thrown exceptions were handled by the page: no console error, no page error.
  b.assertClean();
});

/** Reading window.localStorage throws, as in a browser that blocks storage for the page. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });
}

test('storage unavailable: the page loads, says so, works, and exports what was typed', async (t) => {
  const b = await open(t, blockStorage);
  const p = b.page;
  assert.equal(await p.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError', 'storage is blocked');
  const notice = p.locator('.notices .notice.error', { hasText: UNAVAILABLE });
  await notice.waitFor({ timeout: 5000 });
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal((await notice.locator('span').first().textContent()), UNAVAILABLE);

  // The page works: typing, the figures, the language switch (which cannot be remembered).
  await p.locator('#f-unit-name').fill('广州市总工会');
  await p.locator('#f-budget-rows-fin-adjusted').fill('27,585.71');
  await p.locator('#f-budget-rows-fin-actual').fill('26,393.83');
  await p.waitForFunction(() => document.getElementById('calc-rate-fin')?.querySelector('.v')?.textContent === '95.68%');
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  await p.getByRole('button', { name: '中文' }).click();
  await p.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await p.locator('#f-unit-name').inputValue(), '广州市总工会');

  const doc = await exportDraft(p);
  assert.equal(doc.unit.name, '广州市总工会');
  assert.ok(JSON.stringify(doc).includes('26,393.83'));
  await screenshot(p, 'storage-unavailable');
  b.assertClean();
});

// When storage cannot be used, the draft bar says so (from the start and after every change)
// instead of promising autosave; this stays once the notice is closed.
test('storage unavailable: the draft bar does not promise autosave', async (t) => {
  const b = await open(t, blockStorage);
  const p = b.page;
  await p.locator('.notices .notice.error', { hasText: UNAVAILABLE }).waitFor({ timeout: 5000 });
  await p.locator('.notices .notice.error').getByRole('button', { name: '关闭此消息' }).click();
  await p.locator('#f-unit-name').fill('广州市总工会');
  // Past the autosave debounce (400 ms), the bar must not claim the change is kept in the browser.
  await p.waitForFunction(() => /不可用|未能保存|已满/.test(document.querySelector('.draft-bar .saved')?.textContent ?? ''), null, { timeout: 3000 })
    .catch(() => {});
  const text = await savedText(p);
  assert.doesNotMatch(text, /自动保存在本机浏览器中|已自动保存/, `the draft bar says “${text}” while storage is unavailable`);
  assert.match(text, /存储不可用|未能保存/);
  b.assertClean();
});
