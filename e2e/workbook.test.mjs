// Issue 14: a filled 自评表 workbook (not this page's own export) dropped on 导入 Excel is read by
// its header words; the page shows where each field was found and what could not be placed before
// anything changes; 确认导入 applies it, 撤销 takes it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, baseUrl, repoRoot } from './harness.mjs';

test('a filled 执行20 + 目标80 form: mapping shown, confirmed, figures checked, undoable', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.locator('#xlsx-import').setInputFiles(path.join(repoRoot, 'tests/fixtures/workbooks/table-20-80-07.xlsx'));
  const panel = p.locator('.excel-panel');
  await panel.waitFor({ timeout: 10000 });
  const text = await panel.textContent();
  assert.match(text, /从自评表“table-20-80-07\.xlsx”导入将会/);
  assert.match(text, /读取位置/);
  assert.match(text, /第 2 行 → 单位名称/);
  assert.equal(await p.locator('#f-unit-name').inputValue(), '', 'nothing changes before 确认导入');
  await p.locator('#xlsx-confirm').click();
  await panel.waitFor({ state: 'detached' });
  await p.waitForFunction(() => document.querySelector('#f-unit-name')?.value === '隆阳区土壤肥料工作站');
  // The real defect of this form (2.16 stated where 20 × 10.77% = 2.15) is found, with its fix.
  await p.waitForFunction(() => /2\.16/.test(document.querySelector('#sec-findings').textContent));
  assert.match(await p.locator('#sec-findings').textContent(), /改为 2\.15/);
  await p.locator('.notice', { hasText: '已从“table-20-80-07.xlsx”导入' }).getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction(() => document.querySelector('#f-unit-name')?.value === '');
  b.assertClean();
});
