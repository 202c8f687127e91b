// Printing the whole page (the header's 打印 button): the print stylesheet hides every control
// (buttons, file inputs, the draft bar, the language switch, the section links, notices) and
// prints what was filled in and computed, in full, at A4 width; Chromium's PDF output of it is a
// real multi-page PDF (saved as e2e/artifacts/page-print.pdf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openBrowser, baseUrl, artifactsDir, repoRoot } from './harness.mjs';

// A4 minus the @page margins of style/report.css (25 mm + 20 mm): 165 mm ≈ 624 CSS px.
const A4_TEXT_WIDTH = 624;

/** Selectors of the controls that must not print, with how many of each there are at least. */
const CONTROLS = {
  'button': 30,
  'input[type=file]': 3,
  '.draft-bar': 1,
  '#draft-select': 1,
  '#draft-name': 1,
  'button.lang': 1,
  'nav.sections': 1,
  'header .files': 2,
  '.notices .notice': 1,
  'footer': 1,
};

const visibility = (page, selectors) => page.evaluate((sels) => Object.fromEntries(sels.map((s) => {
  const els = [...document.querySelectorAll(s)];
  return [s, { count: els.length, shown: els.filter((e) => e.checkVisibility()).length }];
})), selectors);

test('printing the page: no controls, the filled form and the report in full, a PDF', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  // The 打印 button calls the browser's print dialog; count the calls instead of opening it.
  await b.context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.locator('#sec-report .report-doc').getByText('35,408.62').first().waitFor({ timeout: 10000 });
  // A notice that stays until dismissed (a blank draft name is refused), to see notices hidden too.
  await p.locator('#draft-name').fill('');
  await p.locator('#draft-name').press('Enter');
  await p.locator('.notices .notice.error').waitFor();
  await p.getByRole('button', { name: '打印', exact: true }).click();
  assert.equal(await p.evaluate(() => window.__printed), 1, '打印 opens the print dialog');

  // On screen every control is there (so the checks below are not vacuous).
  const onScreen = await visibility(p, Object.keys(CONTROLS));
  for (const [sel, min] of Object.entries(CONTROLS)) {
    assert.ok(onScreen[sel].count >= min, `${sel}: ${onScreen[sel].count} on the page, expected at least ${min}`);
    assert.ok(onScreen[sel].shown >= 1, `${sel} is shown on screen`);
  }

  await p.emulateMedia({ media: 'print' });
  const printed = await visibility(p, Object.keys(CONTROLS));
  for (const sel of Object.keys(CONTROLS)) {
    assert.equal(printed[sel].shown, 0, `${sel}: ${printed[sel].shown} of ${printed[sel].count} would be printed`);
  }

  // What was filled in and computed is printed.
  const shown = async (selector) => assert.ok(await p.locator(selector).first().evaluate((e) => e.checkVisibility()), `${selector} is printed`);
  for (const s of ['header.top h1', '#status', '#sec-basic', '#sec-budget', '#sec-indicators', '#sec-scores', '#sec-narrative', '#sec-findings', '#sec-report .report-doc', '#sec-report .charts']) {
    await shown(s);
  }
  assert.equal(await p.locator('#status').textContent(), '可以提交（有 2 个提醒）');
  assert.equal(await p.locator('#f-unit-name').inputValue(), '广州市总工会');
  await shown('#f-unit-name');
  await shown('#f-budget-rows-fin-adjusted');
  assert.equal(await p.locator('#calc-rate-fin .v').textContent(), '95.68%');
  await shown('#calc-rate-fin');
  assert.match(await p.locator('#sec-report .report-doc').textContent(), /总执行率 ?95\.50%/);
  assert.ok(await p.locator('tr.ind').evaluateAll((rows) => rows.filter((r) => r.checkVisibility()).length) >= 20, 'indicator rows printed');
  // The subtitle is not cut to two lines on paper, and a folded finding lists all its members.
  assert.ok(await p.locator('header.top .subtitle').evaluate((e) => e.scrollHeight <= e.clientHeight + 1), 'subtitle printed in full');
  const folded = p.locator('#sec-findings li.folded details ol > li');
  assert.equal(await folded.count(), 19);
  assert.equal(await folded.evaluateAll((li) => li.filter((e) => e.checkVisibility()).length), 19, 'every folded finding is printed');

  // At the width of A4 text: no field cuts off its value or text, nothing sticks out sideways,
  // and indicator names get a readable column.
  await p.setViewportSize({ width: A4_TEXT_WIDTH, height: 900 });
  const layout = await p.evaluate(() => {
    const cut = [];
    for (const e of document.querySelectorAll('main input[type=text], main textarea, main select')) {
      if (!e.checkVisibility()) continue;
      if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
        cut.push(`${e.id} (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}): ${(e.value ?? '').slice(0, 20)}`);
      }
    }
    const names = [...document.querySelectorAll('tr.ind td.c-name')].map((td) => td.getBoundingClientRect().width);
    return { cut, narrowestName: Math.min(...names), scrollWidth: document.documentElement.scrollWidth };
  });
  assert.deepEqual(layout.cut, [], 'fields whose value is cut off on paper');
  assert.ok(layout.narrowestName >= 80, `indicator name column is ${layout.narrowestName} px wide on A4`);
  assert.ok(layout.scrollWidth <= A4_TEXT_WIDTH + 1, `the printed page is ${layout.scrollWidth} px wide (A4 text: ${A4_TEXT_WIDTH})`);
  await p.setViewportSize({ width: 1280, height: 800 });

  // Chromium's PDF of the page.
  const pdf = await p.pdf({ format: 'A4', printBackground: true });
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(path.join(artifactsDir, 'page-print.pdf'), pdf);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10 * 1024, `PDF is ${pdf.length} bytes`);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  assert.ok(pages >= 4, `PDF has ${pages} pages`);
  await p.emulateMedia({ media: 'screen' });
  b.assertClean();
});

// The indicator table shows 25 rows of a task at a time and tasks can be collapsed; a printout
// must still hold every indicator. The page opens every task with all its rows between the
// browser's `beforeprint` and `afterprint`, then restores the view.
test('printing shows every indicator row of long and collapsed tasks, then restores the view', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  const doc = JSON.parse(await readFile(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json'), 'utf8'));
  const first = doc.tasks[0];
  const base = first.indicators.length;
  for (let k = base; k < 32; k += 1) {
    first.indicators.push({ ...first.indicators[k % base], id: `i-print-${k}`, name: `打印测试指标${k + 1}` });
  }
  await p.locator('#import-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const rowsOf = (task) => p.locator(`.task[data-task="${task}"] tr.ind`);
  await rowsOf(first.id).first().waitFor({ timeout: 10000 });
  assert.equal(await rowsOf(first.id).count(), 25, 'on screen, one page of 25 rows');
  // Collapse the second task.
  const second = doc.tasks[1];
  await p.locator(`.task[data-task="${second.id}"] .toggle`).click();
  await rowsOf(second.id).first().waitFor({ state: 'detached' });

  await p.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await p.waitForFunction(([id, n]) => document.querySelectorAll(`.task[data-task="${id}"] tr.ind`).length === n, [first.id, 32], { timeout: 10000 });
  assert.equal(await rowsOf(second.id).count(), second.indicators.length, 'a collapsed task prints its rows');
  assert.equal(await p.locator(`#${'f-tasks-' + first.id + '-indicators-i-print-31-name'}`).inputValue(), '打印测试指标32');

  await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await p.waitForFunction(([id]) => document.querySelectorAll(`.task[data-task="${id}"] tr.ind`).length === 25, [first.id], { timeout: 10000 });
  assert.equal(await rowsOf(second.id).count(), 0, 'the collapsed task is collapsed again');
  b.assertClean();
});
