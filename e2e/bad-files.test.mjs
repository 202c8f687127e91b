// Issue 11, lost work and bad files (items 3, 4, 9): a file too large to autosave is refused
// before it is read; a stored draft too large to keep aside can be downloaded and then discarded,
// and until then the page says changes are not saved; an export that cannot be done says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl } from './harness.mjs';

async function blank(t) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  await b.page.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  return b;
}

test('3: a JSON too large to autosave is refused at once, with the reason; the drafts are unchanged', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const doc = { format: 'selfcheck/self-evaluation', version: 1, unit: { name: '大文件单位', year: '2021' }, narrative: { overview: '字'.repeat(2_000_000) } };
  const started = Date.now();
  await p.locator('#import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const notice = p.locator('.notice.error', { hasText: '太大' });
  await notice.waitFor({ timeout: 5000 });
  assert.ok(Date.now() - started < 3000, 'refused without reading the whole file');
  assert.match(await notice.innerText(), /big\.json/);
  assert.equal(await p.locator('#draft-select option').count(), 1, 'no draft was added');
  // Typing still saves.
  await p.locator('#f-unit-name').fill('仍然保存');
  await p.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('仍然保存'));
  b.assertClean();
});

test('4: a stored value too large to keep aside: the page says nothing is saved, offers download, then discard', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.evaluate(() => localStorage.setItem('selfcheck/drafts', '{"format":"selfcheck/drafts","version":1,"drafts":[' + 'x'.repeat(4_500_000)));
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  const panel = p.locator('#kept-aside');
  await panel.waitFor({ timeout: 10000 });
  assert.match(await panel.innerText(), /未能另存/);
  assert.match(await p.locator('.saved').innerText(), /修改未保存/);
  await p.locator('#f-unit-name').fill('先别覆盖');
  await p.waitForTimeout(800);
  assert.ok((await p.evaluate(() => localStorage.getItem('selfcheck/drafts'))).length > 4_000_000, 'the stored value is not overwritten');
  const discard = panel.getByRole('button', { name: '丢弃' });
  assert.ok(await discard.isDisabled(), 'discard is offered after the download');
  const [dl] = await Promise.all([p.waitForEvent('download'), panel.getByRole('button', { name: '下载原数据' }).click()]);
  assert.match(dl.suggestedFilename(), /unreadable/);
  await discard.click();
  await panel.waitFor({ state: 'detached' });
  await p.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('先别覆盖'), null, { timeout: 5000 });
  assert.match(await p.locator('.saved').innerText(), /已自动保存/);
  // Reloaded, nothing is kept aside any more and the draft is there.
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  assert.equal(await p.locator('#f-unit-name').inputValue(), '先别覆盖');
  assert.equal(await p.locator('#kept-aside').count(), 0);
  // The harness counts console errors; the browser's own quota error is not one of ours.
  b.consoleErrors.length = 0;
  b.assertClean();
});

test('4: a kept-aside copy stays listed across reloads until it is downloaded and discarded', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.evaluate(() => localStorage.setItem('selfcheck/drafts', '{"format":"selfcheck/drafts","version":1,"drafts":[{"doc": {'));
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  await p.locator('#kept-aside li').waitFor();
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  const panel = p.locator('#kept-aside');
  await panel.waitFor();
  assert.equal(await panel.locator('li').count(), 1, 'still listed after a reload');
  await Promise.all([p.waitForEvent('download'), panel.getByRole('button', { name: '下载原数据' }).click()]);
  await panel.getByRole('button', { name: '丢弃' }).click();
  await panel.waitFor({ state: 'detached' });
  assert.equal(await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('selfcheck/unreadable/')).length), 0);
  b.assertClean();
});

test('9: a 1 MB text in a field: the JSON, Word and Excel exports still download, or say why not', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.locator('#f-unit-name').fill('单'.repeat(1_000_000));
  for (const click of [
    () => p.getByRole('button', { name: '导出为文件' }).click(),
    () => p.locator('#report-docx').click(),
    () => p.locator('#xlsx-export').click(),
  ]) {
    const before = await p.locator('.notice.error').count();
    const got = await Promise.race([
      p.waitForEvent('download', { timeout: 20000 }).then((d) => ({ download: d })),
      p.waitForFunction((n) => document.querySelectorAll('.notice.error').length > n, before, { timeout: 20000 }).then(() => ({ said: true })),
      click().then(() => new Promise(() => {})),
    ]);
    if (got.download) {
      assert.ok(got.download.suggestedFilename().length < 80, got.download.suggestedFilename().slice(0, 100));
      assert.ok(await got.download.path());
    }
  }
  b.assertClean();
});

test('6, 7, 8, 11: files that are not what they should be are refused on the page, with the reason in words', async (t) => {
  const b = await blank(t);
  const p = b.page;
  const tryImport = async (selector, name, buffer, re) => {
    const before = await p.locator('.notice.error').count();
    await p.locator(selector).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await p.waitForFunction((n) => document.querySelectorAll('.notice.error, .excel-panel.error').length > n, before, { timeout: 5000 });
    const text = (await p.locator('.notice.error').allInnerTexts()).concat(await p.locator('.excel-panel.error').allInnerTexts()).join('\n');
    assert.match(text, re, name);
    assert.doesNotMatch(text, /expected value at line|• ：/);
  };
  await tryImport('#import-file', 'empty-object.json', Buffer.from('{}'), /empty-object\.json/);
  await tryImport('#import-file', 'array.json', Buffer.from('[]'), /array\.json/);
  await tryImport('#import-file', 'latin1.json', Buffer.concat([Buffer.from('{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":"'), Buffer.from([0xb9, 0xe3]), Buffer.from('"}}')]), /第 \d+ 个字节/);
  await tryImport('#import-file', 'book.xlsx.json', Buffer.from('PK\x03\x04xl/workbook.xml', 'latin1'), /导入 Excel/);
  await tryImport('#rubric-file', 'empty-rubric.json', Buffer.from('{"format":"selfcheck/rubric","version":1,"id":"x","name":"空","nodes":[]}'), /empty-rubric\.json/);
  if (await p.locator('#xlsx-cancel').count()) await p.locator('#xlsx-cancel').click();
  await tryImport('#xlsx-import', 'doc.json', Buffer.from('{"format":"selfcheck/self-evaluation","version":1}'), /JSON/);
  assert.doesNotMatch((await p.locator('.excel-panel').allInnerTexts()).join(''), /\.xls 格式|old \.xls/);
  assert.equal(await p.locator('#draft-select option').count(), 1, 'nothing was imported');
  assert.match(await p.locator('#status').innerText(), /待填写/, 'the rubric was not emptied');
  b.assertClean();
});

test('5: when the browser lost its last localStorage write (a crash), the durable copy brings the edit back', async (t) => {
  const b = await blank(t);
  const p = b.page;
  await p.locator('#f-unit-name').fill('崩溃前');
  await p.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('崩溃前'));
  const older = await p.evaluate(() => localStorage.getItem('selfcheck/drafts'));
  await p.locator('#f-unit-name').fill('崩溃前最后一次输入');
  await p.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('崩溃前最后一次输入'));
  await p.waitForTimeout(300); // the durable copy's transaction commits
  // What a crash leaves behind (scripts/bench-crash.mjs): localStorage without its last write.
  await p.evaluate((t) => localStorage.setItem('selfcheck/drafts', t), older);
  await p.reload({ waitUntil: 'load' });
  await b.waitForApp();
  await p.waitForFunction(() => document.querySelector('#f-unit-name')?.value === '崩溃前最后一次输入', null, { timeout: 5000 });
  await p.locator('.notice', { hasText: '备份副本恢复' }).waitFor();
  assert.ok((await p.evaluate(() => localStorage.getItem('selfcheck/drafts'))).includes('崩溃前最后一次输入'), 'put back into localStorage too');
  b.assertClean();
});
