// 报告, Excel and 核对报告文字 as a finance officer uses them: load the example, read the report
// preview, copy it, download it as Word, export and re-import the Excel tables, print only the
// report, and paste an existing report's text to have its figures checked — against the built
// dist/ on 127.0.0.1, with no outside request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openBrowser, baseUrl, screenshot, e2eDir } from './harness.mjs';

async function withExample(t) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 }, contextOptions: { acceptDownloads: true } });
  t.after(() => b.close());
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await b.page.getByRole('button', { name: '载入示例' }).click();
  await b.page.locator('#sec-report .report-doc').getByText('35,408.62').first().waitFor({ timeout: 10000 });
  return b;
}

/** Clicks `button` and returns { name, bytes } of the download it starts. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), button.click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(file), file };
}

// textContent: off-screen parts of the page skip rendering (content-visibility), so innerText
// would be empty there.
const reportText = (page) => page.locator('#sec-report .report-doc').textContent();

function assertSeedFigures(text) {
  assert.match(text, /35,408\.62/);
  assert.match(text, /95\.50%/);
  assert.match(text, /93\.53/);
  // The attendance shortfall gets its own paragraph: what, how far, reason, measure.
  assert.match(text, /未完成年度目标[^\n]*85\.79%[^\n]*偏差原因/);
}

test('the report preview shows the computed figures; copy, Word and print', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  assertSeedFigures(await reportText(p));
  // Notes for the officer are apart from the report.
  const notes = p.locator('#sec-report .report-notes');
  if (await notes.count()) {
    assert.equal(await p.locator('#sec-report .report-doc .report-notes').count(), 0);
  }
  // Three charts, inline SVG.
  assert.equal(await p.locator('#sec-report figure.chart svg').count(), 3);

  await p.locator('#sec-report').scrollIntoViewIfNeeded();
  await p.evaluate(() => document.getElementById('sec-report').scrollIntoView({ block: 'start' }));
  await screenshot(p, 'report-section');

  // 复制全文: a visible confirmation, and the text is on the clipboard.
  await p.locator('#report-copy').click();
  await p.locator('#sec-report .copied').getByText(/已复制全文/).waitFor({ timeout: 5000 });
  const clip = await p.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /^广州市总工会2021年度部门整体支出绩效自评报告/);
  assert.match(clip, /总执行率 95\.50%/);

  // 下载 Word.
  const docx = await download(p, p.locator('#report-docx'));
  assert.match(docx.name, /\.docx$/);
  assert.ok(docx.bytes.length > 1000, `docx is ${docx.bytes.length} bytes`);
  assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  // The three charts of the page go with it, as Word charts (the package is stored, so part
  // names are readable in its bytes).
  for (const k of [1, 2, 3]) assert.ok(docx.bytes.includes(`word/charts/chart${k}.xml`), `chart ${k} in the .docx`);

  // 打印报告: the print stylesheet with the body class shows the report and charts only.
  await p.emulateMedia({ media: 'print' });
  await p.evaluate(() => document.body.classList.add('print-report'));
  assert.ok(await p.locator('#sec-report .report-doc').isVisible());
  assert.ok(await p.locator('#sec-report .charts').isVisible());
  for (const hidden of ['header.top', '#sec-budget', '#sec-findings', '#sec-crosscheck', '#report-copy', '#sec-report .report-notes']) {
    const loc = p.locator(hidden);
    if (await loc.count()) assert.equal(await loc.first().isVisible(), false, `${hidden} printed with the report`);
  }
  const font = await p.locator('#sec-report .report-doc p').first().evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /FangSong.*仿宋.*serif/);
  await p.evaluate(() => document.body.classList.remove('print-report'));
  await p.emulateMedia({ media: 'screen' });
  b.assertClean();
});

test('Excel: export, import the exported file after confirmation, same figures, undo offered', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  const xlsx = await download(p, p.locator('#xlsx-export'));
  assert.match(xlsx.name, /\.xlsx$/);
  assert.ok(xlsx.bytes.length > 1000);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');

  // Importing shows what would change; nothing changes before 确认导入.
  await p.locator('#xlsx-import').setInputFiles({ name: xlsx.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx.bytes });
  const panel = p.locator('.excel-panel');
  await panel.waitFor({ timeout: 5000 });
  assert.match(await panel.innerText(), /替换全部重点工作任务和绩效指标/);
  assert.match(await panel.innerText(), /替换自评得分/);
  assert.match(await panel.innerText(), /替换预算执行表：合计与 4 行/);
  await p.locator('#xlsx-cancel').click();
  await panel.waitFor({ state: 'detached' });

  await p.locator('#xlsx-import').setInputFiles({ name: xlsx.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx.bytes });
  await panel.waitFor();
  await p.locator('#xlsx-confirm').click();
  await panel.waitFor({ state: 'detached' });
  await p.locator('.notice').getByText(/已从“.*\.xlsx”导入/).waitFor();
  assert.ok(await p.locator('.notice').getByRole('button', { name: '撤销' }).count() >= 1);
  assertSeedFigures(await reportText(p));

  // Dropping the workbook on the page goes through the same confirmation, not the JSON import.
  const drafts = await p.locator('#draft-select option').count();
  await p.evaluate(([b64, name]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: '' }));
    document.getElementById('app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [xlsx.bytes.toString('base64'), xlsx.name]);
  await panel.waitFor({ timeout: 5000 });
  assert.match(await panel.innerText(), /替换全部重点工作任务和绩效指标/);
  assert.equal(await p.locator('#draft-select option').count(), drafts, 'a dropped workbook must not open a new draft');
  assert.equal(await p.locator('.notice.error').count(), 0);
  await p.locator('#xlsx-cancel').click();
  await panel.waitFor({ state: 'detached' });

  // A broken workbook is refused, by cell; the draft is untouched.
  await p.locator('#xlsx-import').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
  await p.locator('.excel-panel.error').waitFor();
  assert.match(await p.locator('.excel-panel.error').innerText(), /无法导入“broken\.xlsx”/);
  b.assertClean();
});

test('核对报告文字: a pasted report is checked; the 95.68% ambiguity is a finding that leads to its figure', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  const text = await readFile(path.join(e2eDir, 'fixtures', 'report-excerpt.txt'), 'utf8');
  assert.match(text, /全年预算数35,408\.62万元，执行数33,814\.57万元，.*完成预算的95\.68%/);
  await p.locator('#cc-text').fill(text);
  const row = p.locator('#sec-crosscheck tr.ambiguous');
  await row.waitFor({ timeout: 5000 });
  const rowText = await row.innerText();
  assert.match(rowText, /95\.68%/);
  assert.match(rowText, /有歧义/);
  assert.match(rowText, /应为 95\.50%/);
  assert.equal(await p.locator('#sec-crosscheck tr.matched').count(), 6);

  // The same finding is in 自查结果; following it focuses the figure's row.
  const finding = p.locator('#sec-findings button.finding', { hasText: '95.68%' });
  await finding.waitFor();
  assert.match(await finding.textContent(), /95\.50%/);
  await finding.click();
  await p.waitForFunction(() => document.activeElement?.id?.startsWith('cc-fig-'));
  assert.equal(await p.evaluate(() => document.activeElement.id), await row.getAttribute('id'));

  // Loading the same text from a .txt file gives the same result; 清空 removes the findings.
  await p.getByRole('button', { name: '清空' }).click();
  await row.waitFor({ state: 'detached' });
  await p.locator('#cc-file').setInputFiles(path.join(e2eDir, 'fixtures', 'report-excerpt.txt'));
  await row.waitFor();
  assert.equal(await p.locator('#cc-text').inputValue(), text);
  b.assertClean();
});

test('核对报告文字: a table copied from Word (cells separated by tabs) is checked cell by cell', async (t) => {
  const b = await withExample(t);
  const p = b.page;
  const table = '（三）部门整体收支情况\n单位：万元\n项目\t全年预算数\t执行数\t执行率（%）\n'
    + '一般公共预算财政拨款\t27,585.71\t26,393.83\t95.68\n其他资金\t7,822.91\t7,420.74\t95.86\n合计\t35,408.62\t33,814.57\t95.50\n';
  await p.locator('#cc-text').fill(table);
  const bad = p.locator('#sec-crosscheck tr.mismatch');
  await bad.waitFor({ timeout: 5000 });
  assert.equal(await bad.count(), 1);
  const badText = await bad.innerText();
  assert.match(badText, /95\.86/);
  assert.match(badText, /其他资金执行率/);
  assert.match(badText, /94\.86%/);
  assert.equal(await p.locator('#sec-crosscheck tr.matched').count(), 8);
  // The finding names the cell's row and column.
  const finding = p.locator('#sec-findings button.finding', { hasText: '95.86' });
  await finding.waitFor();
  assert.match(await finding.textContent(), /其他资金执行率/);
  b.assertClean();
});
