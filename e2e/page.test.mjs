// The page as a finance officer uses it: type the seed's budget, add the attendance indicator,
// explain the shortfall, reload, import the example and a broken file, paste from Excel, follow a
// finding, switch language — against the built dist/ on 127.0.0.1, with no outside request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openBrowser, baseUrl, screenshot, repoRoot } from './harness.mjs';

/** The DOM id of a field path (core::format::path::dom_id). */
const domId = (p) => 'f-' + p.replaceAll('.', '-');
const field = (page, p) => page.locator(`[id="${domId(p)}"]`);
const calc = (page, id) => page.locator(`[id="${id}"]`);
/** Waits until the computed figure `id` shows text matching `re`. */
const waitCalc = (page, id, re) =>
  page.waitForFunction(([id, src]) => new RegExp(src).test(document.getElementById(id)?.querySelector('.v')?.textContent ?? ''), [id, re.source], { timeout: 10000 });
const calcValue = (page, id) => page.locator(`[id="${id}"] .v`).innerText();
const findingsText = (page) => page.locator('#sec-findings').innerText();

async function fresh(t) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  return b;
}

/** Waits until the autosave has written (debounced ≤ 500 ms). */
async function saved(page) {
  await page.waitForFunction(() => /已自动保存|Saved/.test(document.querySelector('.saved')?.textContent ?? ''), null, { timeout: 5000 });
}

test('typing the seed budget gives 95.68% and 95.50%, with the formula on hover and focus', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  await field(p, 'unit.name').fill('广州市总工会');
  await field(p, 'unit.year').fill('2021');
  await field(p, 'budget.total.adjusted').fill('35,408.62');
  await field(p, 'budget.total.actual').fill('33,814.57');
  await field(p, 'budget.rows.fin.adjusted').fill('27,585.71');
  await field(p, 'budget.rows.fin.actual').fill('26,393.83');
  await waitCalc(p, 'calc-rate-fin', /^95\.68%$/);
  await waitCalc(p, 'calc-rate-total', /^95\.50%$/);
  // 其他资金 is derived as total − 财政拨款 and marked.
  assert.equal(await calcValue(p, 'calc-rate-other'), '94.86%');
  assert.match(await p.locator('tr[data-id="other"]').innerText(), /推算/);

  // Keyboard focus shows the explanation (and it describes the figure).
  await calc(p, 'calc-rate-fin').focus();
  const tip = p.locator('[id="calc-rate-fin-tip"]');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /95\.68% = 26,393\.83 ÷ 27,585\.71 × 100/);
  assert.equal(await calc(p, 'calc-rate-fin').getAttribute('aria-describedby'), 'calc-rate-fin-tip');
  // Hover too.
  await p.mouse.move(0, 0);
  await calc(p, 'calc-rate-total').hover();
  await p.locator('[id="calc-rate-total-tip"]').waitFor({ state: 'visible' });
  assert.match(await p.locator('[id="calc-rate-total-tip"]').innerText(), /95\.50% = 33,814\.57 ÷ 35,408\.62 × 100/);

  // A value that does not parse is kept as typed and flagged at its field.
  await field(p, 'budget.rows.basic.adjusted').fill('12a');
  await p.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', domId('budget.rows.basic.adjusted'));
  const described = await field(p, 'budget.rows.basic.adjusted').getAttribute('aria-describedby');
  assert.match(await p.locator(`[id="${described}"]`).innerText(), /12a/);
  b.assertClean();
});

test('a shortfall calls for 偏差原因 and 改进措施; filling them clears the finding; reload keeps everything', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  const ind = (f) => `tasks.t-1.indicators.i-1.${f}`;
  await field(p, 'tasks.t-1.name').fill('弘扬劳模精神');
  await field(p, ind('name')).fill('劳模体检疗养实际参加人数占计划人数比例');
  await field(p, ind('unit')).fill('%');
  await field(p, ind('target')).fill('100');
  await field(p, ind('actual')).fill('85.79');
  await waitCalc(p, 'calc-done-i-1', /^85\.79%$/);
  // The finding appears in the list and at the field, and the fields are called for.
  await p.waitForFunction(() => /劳模体检疗养.*偏差原因/.test(document.querySelector('#sec-findings').innerText));
  const reason = field(p, ind('reason'));
  await reason.waitFor();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  assert.equal(await reason.getAttribute('aria-required'), 'true');
  assert.match(await p.locator(`label[for="${domId(ind('reason'))}"]`).innerText(), /需填写/);

  // Following the finding focuses the field.
  await p.locator('#sec-findings button.finding', { hasText: '劳模体检疗养' }).first().click();
  await p.waitForFunction((id) => document.activeElement?.id === id, domId(ind('reason')));

  await reason.fill('疫情期间部分退休劳模对参加集体活动有顾虑');
  await field(p, ind('measure')).fill('加大宣传动员力度');
  await p.waitForFunction(() => !/劳模体检疗养实际参加人数占计划人数比例”.*(偏差原因|改进措施)/.test(document.querySelector('#sec-findings').innerText));
  assert.equal(await reason.getAttribute('aria-invalid'), null);
  // A value that does not parse survives the reload exactly as typed.
  await field(p, ind('weight')).fill('1O');
  await saved(p);
  await screenshot(p, 'page-shortfall-1280x800');

  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  assert.equal(await field(p, ind('actual')).inputValue(), '85.79');
  assert.equal(await field(p, ind('reason')).inputValue(), '疫情期间部分退休劳模对参加集体活动有顾虑');
  assert.equal(await field(p, ind('measure')).inputValue(), '加大宣传动员力度');
  assert.equal(await field(p, ind('weight')).inputValue(), '1O');
  assert.equal(await field(p, ind('weight')).getAttribute('aria-invalid'), 'true');
  assert.equal(await field(p, 'tasks.t-1.name').inputValue(), '弘扬劳模精神');
  await waitCalc(p, 'calc-done-i-1', /^85\.79%$/);
  b.assertClean();
});

test('importing the example gives the same figures; a broken file is refused with its position and the draft is untouched', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  await field(p, 'unit.name').fill('我的单位');
  await saved(p);
  await p.locator('#import-file').setInputFiles(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json'));
  await waitCalc(p, 'calc-rate-fin', /^95\.68%$/);
  assert.equal(await calcValue(p, 'calc-rate-total'), '95.50%');
  assert.equal(await calcValue(p, 'calc-total'), '93.53');
  assert.equal(await field(p, 'unit.name').inputValue(), '广州市总工会');
  assert.equal(await p.locator('#draft-select option').count(), 2, 'imported as a new draft');
  await screenshot(p, 'page-example-1280x800');

  await p.waitForTimeout(800); // the import's autosave
  const before = await p.evaluate(() => localStorage.getItem('selfcheck/drafts'));
  const dir = await mkdtemp(path.join(tmpdir(), 'selfcheck-bad-'));
  const bad = path.join(dir, 'broken.json');
  await writeFile(bad, '{\n  "format": "selfcheck/self-evaluation",\n  "version": 1,\n  "unit": { "name": "x" \n}\n');
  await p.locator('#import-file').setInputFiles(bad);
  const notice = p.locator('.notice.error', { hasText: 'broken.json' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /第 \d+ 行第 \d+ 列/);
  assert.match(await notice.innerText(), /当前草稿未改动/);
  assert.equal(await field(p, 'unit.name').inputValue(), '广州市总工会');
  assert.equal(await p.locator('#draft-select option').count(), 2);
  await p.waitForTimeout(700);
  assert.ok((await p.evaluate(() => localStorage.getItem('selfcheck/drafts'))) === before, 'stored drafts unchanged');

  // The first draft is still there as typed.
  await p.locator('#draft-select').selectOption({ index: 0 });
  await p.waitForFunction((id) => document.getElementById(id)?.value === '我的单位', domId('unit.name'));
  b.assertClean();
});

test('pasting an Excel block fills indicator rows; cells that do not parse are kept and marked', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  const tsv = [
    '劳模体检疗养实际参加人数占计划人数比例\t数量指标\t≥\t%\t100\t85.79\t10\t\t\t',
    '督导员听课节次\t数量指标\t>=\t节次\t300\t395\t5\t5\t\t',
    '安全事故\t质量指标\t约等于\t起\t0\t0\t十分\t\t\t',
  ].join('\r\n') + '\r\n';
  await field(p, 'tasks.t-1.indicators.i-1.name').focus();
  await p.evaluate(([id, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.getElementById(id).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [domId('tasks.t-1.indicators.i-1.name'), tsv]);
  await p.locator('.notice', { hasText: '已粘贴 3 行' }).waitFor();
  const rows = p.locator('tr.ind');
  assert.equal(await rows.count(), 3);
  assert.equal(await field(p, 'tasks.t-1.indicators.i-1.actual').inputValue(), '85.79');
  await waitCalc(p, 'calc-done-i-1', /^85\.79%$/);
  const third = await rows.nth(2).getAttribute('data-id');
  const dir = field(p, `tasks.t-1.indicators.${third}.direction`);
  assert.equal(await dir.getAttribute('aria-invalid'), 'true', 'unknown direction marked');
  assert.equal(await dir.inputValue(), '约等于', 'kept as pasted');
  const weight = field(p, `tasks.t-1.indicators.${third}.weight`);
  assert.equal(await weight.inputValue(), '十分');
  await p.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', domId(`tasks.t-1.indicators.${third}.weight`));
  // 撤销 puts the table back as it was before the paste: one blank row.
  await p.locator('.notice', { hasText: '已粘贴 3 行' }).getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction(() => document.querySelectorAll('tr.ind').length === 1);
  assert.equal(await field(p, 'tasks.t-1.indicators.i-1.name').inputValue(), '');
  b.assertClean();
});

test('pasting the budget from Excel: rows matched by name in any order, new rows added, figures computed, bad cells marked', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  const paste = (id, text) => p.evaluate(([id, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.getElementById(id).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [id, text]);
  // As a 决算 sheet lists them: heading, 合计 last, short names, a row the blank table lacks.
  const tsv = [
    '项目\t年初预算数\t全年预算数（调整后）\t执行数',
    '财政拨款\t\t27,585.71\t26,393.83',
    '政府性基金预算\t\t100.00\t9O.00',
    '合计\t\t35,408.62\t33,814.57',
  ].join('\r\n') + '\r\n';
  await field(p, 'budget.rows.fin.name').focus();
  await paste(domId('budget.rows.fin.name'), tsv);
  await p.locator('.notice', { hasText: '已粘贴到预算表 3 行' }).waitFor();
  assert.match(await p.locator('.notice', { hasText: '已粘贴到预算表' }).innerText(), /新增 1 行：政府性基金预算.*首行为表头，已跳过/);
  await waitCalc(p, 'calc-rate-fin', /^95\.68%$/);
  await waitCalc(p, 'calc-rate-total', /^95\.50%$/);
  assert.equal(await field(p, 'budget.rows.fin.name').inputValue(), '一般公共预算财政拨款', 'the row keeps its own name');
  const added = await p.locator('#sec-budget tr[data-id]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.id, tr.querySelector('[data-col=name] input')?.value]));
  const gov = added.find(([, name]) => name === '政府性基金预算');
  assert.ok(gov, `a new row: ${JSON.stringify(added)}`);
  const spent = field(p, `budget.rows.${gov[0]}.actual`);
  assert.equal(await spent.inputValue(), '9O.00', 'kept as pasted');
  await p.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', domId(`budget.rows.${gov[0]}.actual`));
  // Figures alone fill downward from the cell pasted into.
  await paste(domId('budget.rows.basic.actual'), '18,000.00\n14,626.57\n1\n');
  const partly = p.locator('.notice.error', { hasText: '1 行超出表格最后一行' });
  await partly.waitFor();
  assert.equal(await field(p, 'budget.rows.project.actual').inputValue(), '14,626.57');
  // A paste over the wrong cells is taken back with 撤销.
  await partly.getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction((id) => document.getElementById(id)?.value === '', domId('budget.rows.project.actual'));
  assert.equal(await field(p, 'budget.rows.fin.actual').inputValue(), '26,393.83', 'the earlier paste stays');
  b.assertClean();
});

test('drafts: new, rename, duplicate, delete with undo; unreadable stored drafts are kept aside and offered for download', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  await field(p, 'unit.name').fill('甲单位');
  await p.locator('#draft-name').fill('甲');
  await p.locator('#draft-name').press('Enter');
  await p.getByRole('button', { name: '复制', exact: true }).click();
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
  assert.equal(await field(p, 'unit.name').inputValue(), '甲单位');
  await p.getByRole('button', { name: '删除', exact: true }).click();
  await p.locator('.notice', { hasText: '已删除草稿' }).getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
  await p.getByRole('button', { name: '新建', exact: true }).click();
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 3);
  assert.equal(await field(p, 'unit.name').inputValue(), '');
  await saved(p);

  // Corrupt the stored envelope: on reload it is kept aside, the user is told, and can download it.
  await p.evaluate(() => localStorage.setItem('selfcheck/drafts', '{"format":"selfcheck/drafts","version":1,"drafts":[{"doc": {'));
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  const notice = p.locator('.notice.error', { hasText: '保存的草稿无法读取' });
  await notice.waitFor();
  const kept = await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('selfcheck/unreadable/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"format":"selfcheck/drafts","version":1,"drafts":[{"doc": {']);
  const [download] = await Promise.all([p.waitForEvent('download'), notice.getByRole('button', { name: '下载原数据' }).click()]);
  assert.match(download.suggestedFilename(), /unreadable/);
  b.assertClean();
});

test('editing a rubric weight copies the preset into the draft; English switch; keyboard focus is visible', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  await field(p, 'rubric.management.weight').fill('45');
  await p.locator('#sec-basic .note').waitFor();
  await p.waitForFunction(() => /score\.weights_sum|权重|分值/.test(document.querySelector('#sec-findings').innerText));
  await p.getByRole('button', { name: 'English' }).click();
  await p.getByRole('heading', { name: 'Budget execution' }).waitFor();
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.match(await p.locator('#status').innerText(), /errors|warnings|ready/);
  // Tab reaches a computed figure and its tooltip shows.
  await field(p, 'budget.rows.fin.stated_rate').focus();
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'calc-rate-fin');
  await screenshot(p, 'page-english-1280x800');
  b.assertClean();
});

test('a rubric file can be loaded and the rubric saved; a file dropped on the page is imported', async (t) => {
  const b = await fresh(t);
  const p = b.page;
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '保存评分标准为文件' }).click()]);
  assert.match(download.suggestedFilename(), /^评分标准-guangzhou-dept\.json$/);
  await p.locator('#rubric-file').setInputFiles(path.join(repoRoot, 'data/rubrics/national-2020.json'));
  await p.locator('.notice', { hasText: '载入评分标准' }).waitFor();
  await p.waitForFunction(() => /产出/.test(document.querySelector('#sec-scores table.scores').innerText));

  // Drag and drop the example onto the page.
  const text = await (await import('node:fs/promises')).readFile(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json'), 'utf8');
  await p.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const app = document.getElementById('app');
    app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await waitCalc(p, 'calc-rate-fin', /^95\.68%$/);
  assert.equal(await p.locator('#draft-select option').count(), 2);
  b.assertClean();
});

test('with browser storage unavailable the page says so and export still works', async (t) => {
  const b = await openBrowser();
  t.after(() => b.close());
  await b.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  const p = b.page;
  await p.locator('.notice.error', { hasText: '浏览器存储不可用' }).waitFor();
  await field(p, 'unit.name').fill('无存储单位');
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '导出为文件' }).click()]);
  const saved = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(saved.unit.name, '无存储单位');
  assert.equal(saved.format, 'selfcheck/self-evaluation');
});
