// Issue 11.2: two tabs on the same drafts never silently lose work. A save never overwrites a
// stored version it has not seen; the other tab takes the change when it has no edits of its
// own, and keeps both versions (its own as a copy marked （另一窗口）) when it has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl, singleFileUrl } from './harness.mjs';

const name = (p) => p.locator('#f-unit-name');
const stored = (p) => p.evaluate(() => localStorage.getItem('selfcheck/drafts') ?? '');
const options = (p) => p.locator('#draft-select option').allInnerTexts();

async function twoTabs(t, url = baseUrl) {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 }, allowPrefixes: [singleFileUrl] });
  t.after(() => b.close());
  const A = b.page;
  await A.goto(url, { waitUntil: 'load' });
  await b.waitForApp(A);
  // Let A store its first draft, so both tabs start from the same stored drafts.
  await name(A).fill('起始单位');
  await A.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('起始单位'));
  const B = await b.newPage();
  await B.goto(url, { waitUntil: 'load' });
  await b.waitForApp(B);
  assert.equal(await name(B).inputValue(), '起始单位');
  return { b, A, B };
}

test('a tab with no edits of its own takes the other tab\'s edits', async (t) => {
  const { b, A, B } = await twoTabs(t);
  await name(A).fill('甲窗口写的');
  await B.waitForFunction(() => document.querySelector('#f-unit-name')?.value === '甲窗口写的', null, { timeout: 5000 });
  await B.locator('#f-unit-year').fill('2021');
  await A.waitForFunction(() => document.querySelector('#f-unit-year')?.value === '2021', null, { timeout: 5000 });
  assert.equal(await name(A).inputValue(), '甲窗口写的', 'A kept its own edit');
  const s = await stored(A);
  assert.ok(s.includes('甲窗口写的') && s.includes('"2021"'), 'both edits are stored');
  b.assertClean();
});

test('edits in both tabs at once: both versions kept and the page says so', async (t) => {
  const { b, A, B } = await twoTabs(t);
  await name(A).fill('甲的版本');
  await name(B).fill('乙的版本');
  await A.waitForFunction(() => [...document.querySelectorAll('#draft-select option')].some((o) => o.textContent.includes('（另一窗口）')), null, { timeout: 8000 })
    .catch(() => {});
  // Whichever tab wrote second keeps its own version as a copy; both tabs end up listing both.
  for (const p of [A, B]) {
    await p.waitForFunction(() => {
      const s = localStorage.getItem('selfcheck/drafts') ?? '';
      return s.includes('甲的版本') && s.includes('乙的版本');
    }, null, { timeout: 8000 });
    await p.waitForFunction(() => [...document.querySelectorAll('#draft-select option')].some((o) => o.textContent.includes('（另一窗口）')), null, { timeout: 8000 });
  }
  const said = (await A.locator('.notice').allInnerTexts()).concat(await B.locator('.notice').allInnerTexts()).join('\n');
  assert.match(said, /另一窗口同时修改了草稿/, 'one tab says that both versions were kept');
  assert.equal((await options(A)).length, 2);
  assert.deepEqual((await options(A)).sort(), (await options(B)).sort());
  b.assertClean();
});

test('a draft created in one tab is not deleted by the other tab\'s next keystroke', async (t) => {
  const { b, A, B } = await twoTabs(t);
  await B.getByRole('button', { name: '新建', exact: true }).click();
  await B.locator('#f-unit-name').fill('乙新建的草稿');
  await A.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('乙新建的草稿'));
  await name(A).fill('甲继续输入');
  await A.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('甲继续输入'), null, { timeout: 5000 });
  const s = await stored(A);
  assert.ok(s.includes('乙新建的草稿'), 'B\'s draft survived A\'s save');
  await A.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2, null, { timeout: 5000 });
  b.assertClean();
});

test('two copies of the single file opened from disk: the same, nothing lost', async (t) => {
  const { b, A, B } = await twoTabs(t, singleFileUrl);
  await B.getByRole('button', { name: '新建', exact: true }).click();
  await B.locator('#f-unit-name').fill('乙副本新建');
  await A.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('乙副本新建'));
  await name(A).fill('甲副本输入');
  await A.waitForFunction(() => (localStorage.getItem('selfcheck/drafts') ?? '').includes('甲副本输入'), null, { timeout: 5000 });
  assert.ok((await stored(A)).includes('乙副本新建'));
  await B.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2, null, { timeout: 5000 });
  b.assertClean();
});
