// Issue 11.1: every place that shows a finding shows its current text. A finding that stays while
// its figure changes (a stated rate, a score typed key by key, the stated total) is redrawn in
// 自查结果, not left with the text it had when it first appeared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl } from './harness.mjs';

const domId = (p) => 'f-' + p.replaceAll('.', '-');
const field = (page, p) => page.locator(`[id="${domId(p)}"]`);
const listText = (page) => page.locator('#sec-findings').textContent();

async function withExample(t) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await b.page.getByRole('button', { name: '载入示例' }).click();
  await b.page.locator('#sec-findings .finding-group').first().waitFor({ timeout: 10000 });
  return b;
}

/** Waits until the findings list contains `re` and returns its text. */
async function listShows(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#sec-findings').textContent), re.source, { timeout: 10000 });
  return listText(page);
}

test('the stated total rate: the list follows 95.6 → 90 as the field does', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  const rate = field(p, 'budget.total.stated_rate');
  await rate.fill('95.6');
  await listShows(p, /95\.6%/);
  await rate.fill('90');
  const text = await listShows(p, /90%/);
  assert.doesNotMatch(text, /95\.6%/, 'the list no longer shows the old stated rate');
  b.assertClean();
});

test('a stated score typed key by key and the stated total: the list shows the last value', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  const score = field(p, 'stated.scores.management.score');
  await score.fill('');
  await score.pressSequentially('53.53', { delay: 30 });
  let text = await listShows(p, /53\.53/);
  assert.doesNotMatch(text, /得分\s*5(?![\d.])|得分\s*53(?![\d.])|得分\s*53\.5(?!\d)/, 'no finding shows a half-typed score');
  const total = field(p, 'stated.total');
  await total.fill('');
  await total.pressSequentially('97.1', { delay: 30 });
  text = await listShows(p, /97\.1/);
  assert.doesNotMatch(text, /(?<![\d.])97(?![\d.])/, 'the total finding shows 97.1, not 97');
  b.assertClean();
});
