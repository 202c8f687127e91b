// Issue 11, "a new officer's first hour" (items 14–21) and the page's own messages about files
// (item 10): what a blank page says, how 分值 and 计入评分项 are explained, headings, derived
// amounts, the keyboard, the file buttons, and the printout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl } from './harness.mjs';

const domId = (p) => 'f-' + p.replaceAll('.', '-');
const field = (page, p) => page.locator(`[id="${domId(p)}"]`);

async function blank(t) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  return b;
}

test('14: a blank page lists fields to fill in, not errors, until a field is left blank or the full check is asked for', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const status = p.locator('#status');
  await p.waitForFunction(() => /待填写 \d+ 项/.test(document.querySelector('#status')?.textContent ?? ''));
  assert.doesNotMatch(await status.innerText(), /错误/);
  assert.match(await status.getAttribute('class'), /\btodo\b/);
  assert.equal(await p.locator('.field.has-error').count(), 0, 'no red box on a field nobody touched');
  assert.equal(await p.locator('#sec-findings .finding-group.error').count(), 0);
  assert.match(await p.locator('#sec-findings .finding-group.todo h3').textContent(), /待填写（\d+）/);
  // Leaving 单位名称 blank makes it an error there.
  await field(p, 'unit.name').focus();
  await field(p, 'unit.year').focus();
  await p.waitForFunction(() => document.querySelector('#f-unit-name')?.closest('.field')?.classList.contains('has-error'));
  assert.match(await status.innerText(), /尚有 1 个错误/);
  // The full check turns every blank required field into an error.
  await p.locator('#full-check').click();
  await p.waitForFunction(() => !/待填写/.test(document.querySelector('#status')?.textContent ?? ''));
  assert.match(await status.innerText(), /尚有 \d+ 个错误/);
  assert.ok(await p.locator('.field.has-error').count() > 1);
  b.assertClean();
});

test('15: an indicator under a scoring item with no 分值 says in its row that it is not scored, and why', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const node = field(p, 'tasks.t-1.indicators.i-1.node');
  const options = await node.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.length > 0, 'the rubric offers scoring items');
  await node.selectOption(options[0]);
  const note = p.locator('#unscored-i-1');
  await note.waitFor({ timeout: 5000 });
  assert.match(await note.innerText(), /未填分值，不计分/);
  await field(p, 'tasks.t-1.indicators.i-1.weight').fill('10');
  await note.waitFor({ state: 'detached', timeout: 5000 });
  b.assertClean();
});

test('16: 报告文字 shows the part headings above its numbered sections', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const order = await p.locator('#sec-narrative').evaluate((s) =>
    [...s.querySelectorAll('h3.part, label')].map((e) => e.textContent.trim()));
  const i1 = order.indexOf('一、基本情况');
  const i2 = order.indexOf('二、综合评价分析');
  assert.ok(i1 >= 0 && i2 > i1, order.join(' | '));
  assert.ok(order.indexOf('（一）部门概况') > i1 && order.indexOf('（一）部门概况') < i2);
  assert.ok(order.findIndex((x) => x.startsWith('（二）各项工作任务')) > i2);
  b.assertClean();
});

test('18: a derived row shows its amounts in its cells, marked as derived', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await field(p, 'budget.total.adjusted').fill('100');
  await field(p, 'budget.total.actual').fill('90');
  await field(p, 'budget.rows.fin.adjusted').fill('80');
  await field(p, 'budget.rows.fin.actual').fill('72');
  const cells = p.locator('tr[data-id="other"] .derived-value');
  await p.waitForFunction(() => document.querySelectorAll('tr[data-id="other"] .derived-value').length === 2);
  assert.deepEqual(await cells.allInnerTexts(), ['推算 20.00', '推算 18.00']);
  b.assertClean();
});

test('19: a skip link reaches the form in one Tab; Tab from ✎ goes into the opened panel', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement?.className), 'skip-link');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.activeElement?.id === 'f-unit-name');
  const pencil = p.locator('tr.ind[data-id="i-1"] button[aria-expanded]');
  await pencil.click();
  await p.locator('tr.notes[data-id="i-1"]').waitFor();
  await pencil.focus();
  await p.keyboard.press('Tab');
  assert.ok(await p.evaluate(() => !!document.activeElement?.closest('tr.notes')), 'focus is in the panel');
  b.assertClean();
});

test('20: file inputs are buttons in the page\'s language', async (t) => {
  const b = await blank(t);
  const p = b.page;
  for (const [id, zh] of [['import-file', '导入 JSON 文件…'], ['xlsx-import', '导入 Excel 文件…']]) {
    const label = p.locator(`label[for="${id}"]`);
    assert.equal((await label.innerText()).trim(), zh);
    assert.ok(await label.isVisible());
    const box = await p.locator(`#${id}`).boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, `the browser's own "Choose File" of #${id} is not shown`);
  }
  await p.getByRole('button', { name: 'English' }).click();
  assert.equal((await p.locator('label[for="import-file"]').innerText()).trim(), 'Import a JSON file…');
  // The label opens the chooser.
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.locator('label[for="import-file"]').click()]);
  assert.ok(chooser);
  b.assertClean();
});

test('21: the printout leaves out the instructions; 【待填写】 is marked on screen and on paper', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const marks = p.locator('#sec-report mark.placeholder');
  await marks.first().waitFor({ timeout: 10000 });
  assert.equal((await marks.first().textContent()).trim(), '【待填写】');
  assert.ok(await p.locator('#sec-basic p.hint, #sec-narrative p.hint').first().isVisible());
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('p.hint').evaluateAll((ps) => ps.filter((e) => e.checkVisibility()).length), 0, 'no instructions printed');
  const outline = await marks.first().evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.equal(outline, 'dashed', 'placeholders are outlined on paper');
  await p.emulateMedia({ media: 'screen' });
  b.assertClean();
});

test('10: a file name with a right-to-left override does not reverse the page\'s message', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.locator('#import-file').setInputFiles({ name: '报告\u202Enosj.txt.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
  const notice = p.locator('.notice.error').first();
  await notice.waitFor();
  const text = await notice.innerText();
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'no bidi control in the message');
  assert.match(text, /报告nosj\.txt\.json/);
  b.assertClean();
});

test('22: in English the rubric and the rule titles are in English; sources stay the Chinese documents', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  const rubric = await p.locator('#sec-scores .rubric-info b').textContent();
  assert.doesNotMatch(rubric, /[\u4e00-\u9fff]/, `rubric name: ${rubric}`);
  const nodes = await p.locator('#sec-scores table.scores th.node-name').allTextContents();
  assert.ok(nodes.length > 0);
  for (const n of nodes) assert.doesNotMatch(n, /[\u4e00-\u9fff]/, `rubric item: ${n}`);
  await p.locator('#full-check').click();
  const titles = await p.locator('#sec-findings .rule > span:first-child').allTextContents();
  assert.ok(titles.length > 0);
  for (const x of titles) assert.doesNotMatch(x, /[\u4e00-\u9fff]/, `rule title: ${x}`);
  const sources = await p.locator('#sec-findings .rule > span:nth-child(2)').allTextContents();
  assert.ok(sources.some((s) => /[\u4e00-\u9fff]/.test(s)), 'sources are the Chinese document titles');
  b.assertClean();
});
