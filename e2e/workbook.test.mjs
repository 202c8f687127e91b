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

test('核对报告文字 reads a Word report (.docx): its paragraphs and tables are checked', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.locator('#sec-report .report-doc').getByText('35,408.62').first().waitFor({ timeout: 10000 });
  // The page's own Word download is a real report: read back, it agrees with the figures.
  const [dl] = await Promise.all([p.waitForEvent('download'), p.locator('#report-docx').click()]);
  await p.locator('#cc-file').setInputFiles(await dl.path());
  await p.locator('.notice', { hasText: '已读入 Word 文件' }).waitFor({ timeout: 5000 });
  const text = await p.locator('#sec-crosscheck textarea').inputValue();
  assert.match(text, /35,408\.62/);
  assert.match(text, /95\.50%/);
  await p.waitForFunction(() => document.querySelectorAll('#sec-crosscheck tr, #sec-crosscheck li').length > 3, null, { timeout: 10000 });
  assert.doesNotMatch(await p.locator('#sec-crosscheck').textContent(), /不一致：.*35,408\.62/);
  b.assertClean();
});

// One filled workbook of each layout (tests/fixtures/workbooks/, built from the corpus): what the
// page applies is what the core reads (each fixture's *.expected.json, which tests/workbooks.rs
// keeps equal to the reader's output): the unit, the year, the indicator rows, and a workbook's
// own rubric (the 20 + 80 table, the checklist) in the score table.
test('every workbook layout reads into the page as the core reads it', async (t) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = path.join(repoRoot, 'tests/fixtures/workbooks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  assert.ok(files.length >= 7, files.join(', '));
  for (const f of files) {
    const want = JSON.parse(readFileSync(path.join(dir, f.replace('.xlsx', '.expected.json')), 'utf8')).document;
    // A fresh profile for each: the page keeps a durable copy of the last draft (IndexedDB), so a
    // cleared localStorage alone would bring the previous workbook's draft back.
    const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
    const p = b.page;
    await p.goto(baseUrl, { waitUntil: 'load' });
    await b.waitForApp();
    const before = await p.locator('tr.ind').count();
    await p.locator('#xlsx-import').setInputFiles(path.join(dir, f));
    const panel = p.locator('.excel-panel');
    await panel.waitFor({ timeout: 10000 });
    assert.match(await panel.textContent(), new RegExp(`从自评表“${f.replace(/\./g, '\\.')}”导入将会`), f);
    await p.locator('#xlsx-confirm').click();
    await panel.waitFor({ state: 'detached' });
    await p.waitForFunction((name) => document.querySelector('#f-unit-name')?.value === name, want.unit.name);
    assert.equal(await p.locator('#f-unit-year').inputValue(), want.unit.year, `${f}: year`);
    // A workbook without an indicator table leaves the draft's indicators as they were.
    const rows = (want.tasks ?? []).reduce((n, task) => n + task.indicators.length, 0);
    assert.equal(await p.locator('tr.ind').count(), want.tasks?.length ? rows : before, `${f}: indicator rows`);
    const nodes = want.rubric?.inline?.nodes ?? [];
    const scores = await p.locator('#sec-scores').textContent();
    for (const n of nodes) assert.ok(scores.includes(n.name), `${f}: rubric item ${n.name} in the score table`);
    b.assertClean();
    await b.close();
  }
});
