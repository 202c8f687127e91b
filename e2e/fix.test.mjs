// Issue 12, "the fix, not only the finding": a finding with a certain correction offers it
// (改为 95.50) in 自查结果 and under the field; one click writes it, the finding goes, and 撤销
// puts back what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl } from './harness.mjs';

test('改为 …: applied in one click from the findings list and from the field, undoable', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.locator('#sec-findings .finding-group').first().waitFor({ timeout: 10000 });
  const rate = p.locator('#f-budget-total-stated_rate');
  await rate.fill('95.6');
  const inList = p.locator('#sec-findings button.fix', { hasText: '改为 95.50' });
  await inList.waitFor({ timeout: 5000 });
  await inList.click();
  await p.waitForFunction(() => document.querySelector('#f-budget-total-stated_rate')?.value === '95.50');
  await p.waitForFunction(() => !/合计填报执行率 95\.6%/.test(document.querySelector('#sec-findings').textContent));
  assert.equal(await p.locator('#sec-findings button.fix', { hasText: '改为 95.50' }).count(), 0);
  // Undo puts back what was typed.
  await p.locator('.notice', { hasText: '已改为 95.50' }).getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction(() => document.querySelector('#f-budget-total-stated_rate')?.value === '95.6');
  // The same offer under the field (the stated total typed wrong).
  const total = p.locator('#f-stated-total');
  await total.fill('99');
  const atField = p.locator('#sec-scores .fmsg button.fix, #f-stated-total-msg button.fix').first();
  await atField.waitFor({ timeout: 5000 });
  const label = await atField.textContent();
  assert.match(label, /^改为 \d+\.\d\d$/);
  await atField.click();
  await p.waitForFunction((want) => document.querySelector('#f-stated-total')?.value === want, label.replace('改为 ', ''));
  b.assertClean();
});
