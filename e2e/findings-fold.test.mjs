// 自查结果 folds a rule's many notes into one expandable item (crates/app/src/findings.rs FOLD_AT), so the
// seed's 19 "no target" notes do not bury its two warnings; errors are never folded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl } from './harness.mjs';

test('the seed: two warnings listed, nineteen notes folded into one item that expands', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.getByRole('button', { name: '载入示例' }).click();
  const info = p.locator('#sec-findings .finding-group.info');
  await info.locator('li.folded').waitFor({ timeout: 10000 });
  await p.locator('#sec-findings').scrollIntoViewIfNeeded();
  assert.equal(await info.locator(':scope > ol > li').count(), 1, 'one item stands for the 19 notes');
  assert.match(await info.locator('summary').textContent(), /共 19 处/);
  assert.equal(await p.locator('#sec-findings .finding-group.warning > ol > li').count(), 2, 'warnings stay one per finding');
  await info.locator('summary').click();
  const members = info.locator('details ol button.finding');
  assert.equal(await members.count(), 19);
  await members.first().click();
  // A folded finding still leads to its field (focus moves once the field is shown).
  await p.waitForFunction((id) => document.activeElement?.id === id, 'f-tasks-t-models-indicators-i-allowance-target', { timeout: 5000 });
  await b.assertClean();
});
