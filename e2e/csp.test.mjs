// Issue 11.13: a strict Content-Security-Policy in the hosted page and in the single file, and no
// violation of it while the whole page is used: load, example, import, export, report, Word,
// Excel, print, cross-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { openBrowser, baseUrl, distDir, singleFilePath, singleFileUrl, repoRoot, e2eDir } from './harness.mjs';

function policyOf(file) {
  const html = readFileSync(file, 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, `${file} carries a Content-Security-Policy`);
  assert.ok(html.indexOf(m[0]) < html.search(/<script/i), 'the policy comes before any script');
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test('the policy is present and strict in both builds', () => {
  for (const [file, connect] of [[path.join(distDir, 'index.html'), ["'self'"]], [singleFilePath, ["'none'"]]]) {
    const p = policyOf(file);
    assert.deepEqual(p['default-src'], ["'none'"]);
    assert.deepEqual(p['object-src'], ["'none'"]);
    assert.deepEqual(p['base-uri'], ["'none'"]);
    assert.deepEqual(p['form-action'], ["'none'"]);
    assert.deepEqual(p['connect-src'], connect);
    const scripts = p['script-src'];
    assert.ok(scripts.includes("'wasm-unsafe-eval'"));
    assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts.join(' '));
    assert.ok(scripts.some((s) => s.startsWith("'sha256-")), 'the inline script is allowed by its hash');
  }
});

/** Uses every part of the page, counting CSP violations. */
async function useEverything(b, p) {
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.locator('#sec-report .report-doc').getByText('35,408.62').first().waitFor({ timeout: 10000 });
  await p.locator('#import-file').setInputFiles(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json'));
  await p.locator('.notice', { hasText: '已导入' }).waitFor();
  // The import re-renders the page; the report is there again before its buttons are used.
  await p.locator('#sec-report .report-doc').getByText('35,408.62').first().waitFor({ timeout: 10000 });
  for (const sel of ['#report-docx', '#xlsx-export']) {
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 20000 }), p.locator(sel).click()]);
    assert.ok(await dl.path());
  }
  const [json] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.getByRole('button', { name: '导出为文件' }).click()]);
  assert.ok(await json.path());
  await p.locator('#cc-file').setInputFiles(path.join(e2eDir, 'fixtures', 'report-excerpt.txt'));
  await p.waitForFunction(() => document.querySelectorAll('#sec-crosscheck tr, #sec-crosscheck li').length > 0, null, { timeout: 10000 });
  await p.locator('#report-print').click();
  await p.getByRole('button', { name: '打印', exact: true }).click();
  // The print stylesheet applied, as when printing.
  await p.emulateMedia({ media: 'print' });
  await p.waitForTimeout(200);
  await p.emulateMedia({ media: 'screen' });
  await p.waitForTimeout(300);
  return p.evaluate(() => window.__csp);
}

for (const [name, url, allow] of [['the hosted page', () => baseUrl, []], ['the single file', () => singleFileUrl, [singleFileUrl]]]) {
  test(`no CSP violation while using ${name}`, async (t) => {
    const b = await openBrowser({ viewport: { width: 1280, height: 800 }, allowPrefixes: allow });
    t.after(() => b.close());
    await b.context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.print = () => {};
    });
    const p = b.page;
    await p.goto(url(), { waitUntil: 'load' });
    await b.waitForApp();
    assert.deepEqual(await useEverything(b, p), []);
    b.assertClean();
  });
}
