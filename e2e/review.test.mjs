// Issue 14, the reviewer's desk: 审核 in the page. A folder of 20 submissions (11 real reports as
// JSON, the 7 filled workbooks, the seed with its Word report, one file cut off) chosen at once →
// one table with the figures the core computes (e2e/fixtures/desk.expected.json is what
// `selfcheck review e2e/fixtures/desk --json` says; tests/review.rs keeps it current), sortable,
// filterable, each row openable, exportable as .xlsx; the officer's drafts are not touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, baseUrl, repoRoot, screenshot } from './harness.mjs';

const folder = path.join(repoRoot, 'e2e/fixtures/desk');
const files = readdirSync(folder).sort().map((f) => path.join(folder, f));
const expected = JSON.parse(readFileSync(path.join(repoRoot, 'e2e/fixtures/desk.expected.json'), 'utf8'));
const hasProblem = (r) => r.errors > 0 || !!r.unread || r.report_errors > 0 || r.reports_unread > 0;
const dash = (s) => (s === null || s === undefined || String(s).trim() === '' ? '—' : String(s).trim());

/** The table as shown: one object per row, cells by column. */
async function table(p) {
  return p.locator('#desk-table tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const c = [...tr.children].map((td) => td.textContent.trim());
    return {
      file: tr.querySelector('td.file button').textContent.trim(),
      unit: c[1], year: c[2], stated: c[3], computed: c[4], grade: c[5],
      errors: c[6], warnings: c[7], report: c[8], first: c[9],
    };
  }));
}

const storage = (p) => p.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test('审核: 20 submissions in one table, sorted, filtered, opened, exported; the drafts untouched', async (t) => {
  assert.equal(files.length, 21, 'twenty submissions and one Word report');
  assert.equal(expected.length, 20);
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  // The officer's own draft: the example, stored.
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.waitForFunction(() => document.querySelector('#f-unit-name')?.value === '广州市总工会');
  await p.waitForFunction(() => Object.keys(localStorage).length > 0);
  await p.waitForTimeout(1500);
  const before = await storage(p);

  // The view switch is a toggle button in the header, reached by keyboard.
  await p.locator('#view-desk').focus();
  await p.keyboard.press('Enter');
  await p.locator('#desk').waitFor();
  assert.equal(await p.locator('#view-desk').getAttribute('aria-pressed'), 'true');
  assert.equal(await p.locator('#sec-basic').isVisible(), false, 'the form is hidden');

  await p.locator('#desk-files').setInputFiles(files);
  await p.waitForFunction(() => document.querySelectorAll('#desk-table tbody tr').length === 20, null, { timeout: 15000 });
  await screenshot(p, 'review-desk-20');

  // Every row has the core's figures, in the core's order (unreadable first, then most errors).
  const shown = await table(p);
  assert.deepEqual(shown.map((r) => r.file), expected.map((r) => r.file));
  for (const e of expected) {
    const r = shown.find((x) => x.file === e.file);
    assert.equal(r.unit, dash(e.unit), e.file);
    assert.equal(r.year, dash(e.year), e.file);
    assert.equal(r.stated, dash(e.stated_total), e.file);
    assert.equal(r.computed, dash(e.computed_total), e.file);
    assert.equal(r.grade, dash(e.grade), e.file);
    assert.equal(r.errors, e.unread ? '—' : String(e.errors), e.file);
    assert.equal(r.warnings, e.unread ? '—' : String(e.warnings), e.file);
    assert.equal(r.first, dash(e.unread ? e.unread.zh : e.first_error?.message.zh), e.file);
  }
  const cut = expected.find((e) => e.file === '损坏的文件.json');
  assert.ok(cut.unread, 'the cut file cannot be read');
  assert.equal(shown[0].file, '损坏的文件.json', 'and its row comes first');
  const seed = expected.find((e) => e.file === 'guangzhou-ftu-2021.json');
  assert.deepEqual(seed.reports, ['guangzhou-ftu-2021.docx']);
  assert.ok(seed.report_errors >= 2, 'the report states two figures the data contradict');
  assert.match(shown.find((r) => r.file === seed.file).report, new RegExp(`^${seed.report_errors} 处不符`));
  assert.match(await p.locator('.desk-count').textContent(), new RegExp(`共 20 份，其中 ${expected.filter(hasProblem).length} 份需要处理`));

  // Sorting: 计算总分 ascending, then descending (numbers, blanks last both ways); 错误 most first.
  const header = (name) => p.locator('#desk-table thead button.sort', { hasText: name });
  const totals = async () => (await table(p)).map((r) => r.computed).filter((c) => c !== '—').map(Number);
  await header('计算总分').click();
  const up = await totals();
  assert.ok(up.length >= 5, `${up}`);
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  assert.equal((await table(p)).at(-1).computed, '—', 'blank totals last');
  assert.equal(await p.locator('#desk-table thead th', { hasText: '计算总分' }).getAttribute('aria-sort'), 'ascending');
  await header('计算总分').click();
  const down = await totals();
  assert.deepEqual(down, [...up].reverse());
  assert.equal((await table(p)).at(-1).computed, '—');
  await header('错误').first().click();
  const errs = (await table(p)).map((r) => r.errors).filter((e) => e !== '—').map(Number);
  assert.deepEqual(errs, [...errs].sort((a, b) => b - a));
  assert.equal(errs[0], Math.max(...expected.map((e) => e.errors)));

  // Filters: only those to act on; then a unit's words.
  await p.locator('#desk-problems-only').check();
  assert.equal(await p.locator('#desk-table tbody tr').count(), expected.filter(hasProblem).length);
  await p.locator('#desk-problems-only').uncheck();
  await p.locator('#desk-filter-text').fill('工会');
  const unions = expected.filter((e) => `${e.unit}\n${e.file}`.includes('工会'));
  assert.ok(unions.length >= 1);
  await p.waitForFunction((n) => document.querySelectorAll('#desk-table tbody tr').length === n, unions.length);
  assert.deepEqual((await table(p)).map((r) => r.file).sort(), unions.map((e) => e.file).sort());
  await p.locator('#desk-filter-text').fill('');
  await p.waitForFunction(() => document.querySelectorAll('#desk-table tbody tr').length === 20);

  // Opening the seed: its own findings (no error) and the report's, at its paragraph and cell.
  await p.locator('#desk-table td.file button', { hasText: 'guangzhou-ftu-2021.json' }).click();
  const detail = p.locator('#desk-detail');
  await detail.waitFor();
  const dt = await detail.textContent();
  assert.match(dt, /Word 报告：guangzhou-ftu-2021\.docx/);
  assert.match(dt, /第 6 段（“一、基本情况 › （二）部门整体收支情况”下）/);
  assert.match(dt, /表 1 第 4 行第 4 列（一般公共预算财政拨款 · 执行 · 执行率）/);
  assert.equal(await detail.locator('li.error').count(), seed.report_errors, 'the report errors, and none of its own');
  // Another: a real report with errors shows its first error among its findings.
  const erring = expected.find((e) => !e.unread && e.errors > 0);
  await p.locator('#desk-table td.file button', { hasText: erring.file }).click();
  await p.waitForFunction((f) => document.querySelector('#desk-detail h3')?.textContent.startsWith(f), erring.file);
  assert.equal(await detail.locator('li.error').count(), erring.errors);
  assert.equal(await detail.locator('li').first().getAttribute('class'), 'error', 'errors listed first');
  assert.ok((await detail.textContent()).includes(erring.first_error.message.zh));
  // The unreadable one says why.
  await p.locator('#desk-table td.file button', { hasText: '损坏的文件.json' }).click();
  await p.waitForFunction(() => document.querySelector('#desk-detail h3')?.textContent.startsWith('损坏的文件.json'));
  assert.ok((await detail.textContent()).includes(cut.unread.zh));
  // Closing it gives the focus back to its row.
  await detail.getByRole('button', { name: '关闭' }).click();
  await detail.waitFor({ state: 'detached' });
  assert.equal(await p.evaluate(() => document.activeElement?.textContent), '损坏的文件.json');

  // Export: the table as shown, as an .xlsx package.
  const [dl] = await Promise.all([p.waitForEvent('download'), p.locator('#desk-export').click()]);
  assert.equal(dl.suggestedFilename(), '审核汇总.xlsx');
  const bytes = readFileSync(await dl.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')), 'a workbook with a sheet');

  // Back to the form: the draft is as it was, and so is everything stored.
  await p.locator('#desk-back').click();
  assert.equal(await p.locator('#view-desk').getAttribute('aria-pressed'), 'false');
  await p.locator('#sec-basic').waitFor({ state: 'visible' });
  assert.equal(await p.locator('#f-unit-name').inputValue(), '广州市总工会');
  assert.deepEqual(await storage(p), before, 'localStorage is unchanged by the desk');
  b.assertClean();
});

test('审核: files dropped on the page go on the desk, not into the drafts; a second batch is added', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.locator('#view-desk').click();
  await p.locator('#desk').waitFor();
  const drafts = await p.locator('#draft-select option').count();
  const before = await storage(p);
  const drop = (batch) => p.evaluate((batch) => {
    const dt = new DataTransfer();
    for (const [name, b64] of batch) {
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    }
    const app = document.getElementById('app');
    app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, batch);
  const read = (f) => [f, readFileSync(path.join(folder, f)).toString('base64')];
  // The report first, alone: no submission of its name yet, so a row that says so.
  await drop([read('guangzhou-ftu-2021.docx')]);
  await p.waitForFunction(() => document.querySelectorAll('#desk-table tbody tr').length === 1);
  assert.match(await p.locator('#desk-table tbody tr').first().textContent(), /没有同名的自评文件/);
  // Then its submission and a workbook: the report is paired, whichever came first.
  await drop([read('guangzhou-ftu-2021.json'), read('table-20-80-07.xlsx')]);
  await p.waitForFunction(() => document.querySelectorAll('#desk-table tbody tr').length === 2);
  const seed = expected.find((e) => e.file === 'guangzhou-ftu-2021.json');
  const rows = await table(p);
  assert.match(rows.find((r) => r.file === 'guangzhou-ftu-2021.json').report, new RegExp(`^${seed.report_errors} 处不符`));
  assert.equal(rows.find((r) => r.file === 'table-20-80-07.xlsx').computed, expected.find((e) => e.file === 'table-20-80-07.xlsx').computed_total);
  // Nothing was imported as a draft, nothing stored.
  assert.equal(await p.locator('#draft-select option').count(), drafts);
  assert.deepEqual(await storage(p), before);
  // 清空 empties the desk.
  await p.locator('#desk-clear').click();
  await p.locator('.desk-empty').waitFor();
  b.assertClean();
});

test('审核: a folder chosen with 选择文件夹 (subfolders too): its submissions in the table, other files counted and said', async (t) => {
  const { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  // The folder as a bureau keeps it: the submissions in a subfolder, a note and a PDF beside them.
  const dir = mkdtempSync(path.join(tmpdir(), '审核-'));
  mkdirSync(path.join(dir, '第一批'));
  for (const f of readdirSync(folder)) copyFileSync(path.join(folder, f), path.join(dir, '第一批', f));
  writeFileSync(path.join(dir, '说明.txt'), '各单位报送材料');
  writeFileSync(path.join(dir, '通知.pdf'), '%PDF-1.4');
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.locator('#view-desk').click();
  await p.locator('#desk').waitFor();
  const before = await storage(p);
  assert.equal(await p.locator('#desk-folder').getAttribute('webkitdirectory'), '');
  await p.locator('#desk-folder').setInputFiles(dir);
  await p.waitForFunction(() => document.querySelectorAll('#desk-table tbody tr').length === 20, null, { timeout: 15000 });
  const shown = await table(p);
  assert.deepEqual(shown.map((r) => r.file), expected.map((r) => r.file));
  await p.locator('.notice', { hasText: '另有 2 个文件不是自评材料' }).waitFor();
  assert.deepEqual(await storage(p), before);
  b.assertClean();
});
