// Next year's draft from this year's: what an officer (or a successor after staff rotation) does
// each year instead of copying last year's spreadsheet by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, baseUrl, repoRoot } from './harness.mjs';

const field = (page, p) => page.locator(`[id="f-${p.replaceAll('.', '-')}"]`);
const findingsText = (page) => page.locator('#sec-findings').textContent();

test('下一年度: the unit, tasks and indicators carry over, the year\'s figures are cleared, undo goes back', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.locator('#import-file').setInputFiles(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json'));
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
  await p.waitForFunction(() => /均已完成/.test(document.querySelector('#sec-findings').textContent));
  const before = await p.locator('#draft-name').inputValue();

  assert.equal((await p.locator('#draft-next-year').innerText()).trim(), '新建 2022 年度草稿');
  await p.locator('#draft-next-year').click();
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 3);
  const name = await p.locator('#draft-name').inputValue();
  assert.equal(name, before.includes('2021') ? before.replace('2021', '2022') : `${before} 2022`);
  assert.equal(await field(p, 'unit.year').inputValue(), '2022');
  assert.equal((await p.locator('#draft-next-year').innerText()).trim(), '新建 2023 年度草稿');
  assert.equal(await field(p, 'unit.name').inputValue(), '广州市总工会');
  // The structure stays...
  assert.equal(await field(p, 'tasks.t-models.indicators.i-checkup.name').inputValue(), '劳模体检疗养实际参加人数占计划人数比例');
  assert.equal(await field(p, 'tasks.t-models.indicators.i-checkup.target').inputValue(), '100');
  // ...the year's figures go, and with them the findings about them.
  assert.equal(await field(p, 'tasks.t-models.indicators.i-checkup.actual').inputValue(), '');
  assert.equal(await field(p, 'budget.rows.fin.adjusted').inputValue(), '');
  assert.equal(await field(p, 'budget.total.actual').inputValue(), '');
  const findings = await findingsText(p);
  assert.doesNotMatch(findings, /均已完成|85\.79/);
  await p.locator('.notice', { hasText: '请按本年度绩效目标逐项核对' }).waitFor();

  // Last year's actual stays beside the target; a target set below it is questioned.
  assert.equal(await p.locator('tr.notes').count(), 0, 'a next year\'s table stays one line per indicator');
  await p.locator('tr[data-id="i-checkup"] button[title^="偏差原因"]').click();
  assert.equal(await field(p, 'tasks.t-models.indicators.i-checkup.previous').inputValue(), '85.79');
  await field(p, 'tasks.t-models.indicators.i-checkup.target').fill('80');
  await p.waitForFunction(() => /年度指标值 80%低于上年实际完成值 85\.79%/.test(document.querySelector('#sec-findings').textContent));
  await field(p, 'tasks.t-models.indicators.i-checkup.target').fill('100');
  await p.waitForFunction(() => !/低于上年实际完成值/.test(document.querySelector('#sec-findings').textContent));

  // The new draft is stored like any other.
  await p.waitForFunction(() => /已自动保存/.test(document.querySelector('.saved')?.textContent ?? ''));
  await p.waitForFunction(() => JSON.parse(localStorage.getItem('selfcheck/drafts')).drafts.length === 3);
  const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('selfcheck/drafts')).drafts.map((d) => d.doc.unit.year));
  assert.deepEqual(stored.sort(), ['', '2021', '2022']);

  // Undo removes it and reopens last year's draft, untouched.
  await p.locator('.notice', { hasText: '新建2022年度草稿' }).getByRole('button', { name: '撤销' }).click();
  await p.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
  assert.equal(await p.locator('#draft-name').inputValue(), before);
  assert.equal(await field(p, 'tasks.t-models.indicators.i-checkup.actual').inputValue(), '85.79');
  assert.equal(await field(p, 'unit.year').inputValue(), '2021');
  b.assertClean();
});
