#!/usr/bin/env node
// The reviewer's desk (审核) with 100 submissions: time from the file input's `change` until the
// table shows 100 rows, in the built page (after `make dist`).
//
//   scripts/with-dist-server.sh --dist dist -- node scripts/bench-desk.mjs [--runs 5]
//
// The 100 files: the 18 real reports (tests/real, as JSON), the 6 filled workbooks
// (tests/fixtures/workbooks) and the seed, repeated under new names until there are 100, plus
// for every tenth submission a Word report of its stem (a copy of
// tests/fixtures/docx/numbered-headings.docx), so the cross-check runs too. Each run loads the page afresh, opens 审核 and chooses all the files at once.
//
// Prints, per run and as the median: "page" = `change` event → 100 rows in the DOM (what the
// page does: read the files, check them, render); "wall" = Playwright's setInputFiles call → the
// same moment (adds handing the bytes to the browser over the DevTools protocol).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBrowser, repoRoot } from '../e2e/harness.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/' },
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '100' },
  },
});
const runs = Math.max(1, Number.parseInt(args.runs, 10));
const n = Math.max(1, Number.parseInt(args.n, 10));

function folder() {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfcheck-desk-'));
  const sources = [];
  for (const f of readdirSync(path.join(repoRoot, 'tests/real')).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(path.join(repoRoot, 'tests/real', f), 'utf8')).document;
    sources.push({ ext: 'json', bytes: Buffer.from(JSON.stringify(doc, null, 2)) });
  }
  for (const f of readdirSync(path.join(repoRoot, 'tests/fixtures/workbooks')).filter((f) => f.endsWith('.xlsx')).sort()) {
    sources.push({ ext: 'xlsx', bytes: readFileSync(path.join(repoRoot, 'tests/fixtures/workbooks', f)) });
  }
  sources.push({ ext: 'json', bytes: readFileSync(path.join(repoRoot, 'examples/guangzhou-ftu-2021.json')) });
  const report = readFileSync(path.join(repoRoot, 'tests/fixtures/docx/numbered-headings.docx'));
  const files = [];
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length];
    const stem = `单位${String(i + 1).padStart(3, '0')}`;
    files.push(path.join(dir, `${stem}.${s.ext}`));
    writeFileSync(files.at(-1), s.bytes);
    if (i % 10 === 9) {
      files.push(path.join(dir, `${stem}.docx`));
      writeFileSync(files.at(-1), report);
    }
  }
  return { dir, files };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { dir, files } = folder();
const b = await openBrowser();
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const p = b.page;
    await p.goto(args.url, { waitUntil: 'load' });
    await b.waitForApp();
    await p.locator('#view-desk').click();
    await p.locator('#desk-files').waitFor({ state: 'attached' });
    // Installed before the files are chosen: the `change` time, and the moment the table has n rows.
    await p.evaluate((want) => {
      window.__desk = {};
      document.querySelector('#desk-files').addEventListener('change', () => { window.__desk.change = performance.now(); }, { capture: true });
      const obs = new MutationObserver(() => {
        if (document.querySelectorAll('#desk-table tbody tr').length === want && !window.__desk.done) {
          window.__desk.done = performance.now();
          obs.disconnect();
        }
      });
      obs.observe(document.querySelector('#desk'), { childList: true, subtree: true });
    }, n);
    const t0 = await p.evaluate(() => performance.now());
    await p.locator('#desk-files').setInputFiles(files);
    await p.waitForFunction(() => window.__desk.done, null, { timeout: 120000, polling: 50 });
    const { change, done } = await p.evaluate(() => window.__desk);
    results.push({ page: done - change, wall: done - t0 });
    console.log(`run ${run + 1}: page ${(done - change).toFixed(0)} ms, wall ${(done - t0).toFixed(0)} ms`);
  }
  b.assertClean();
} finally {
  await b.close();
  rmSync(dir, { recursive: true, force: true });
}
const docx = files.filter((f) => f.endsWith('.docx')).length;
console.log(`${n} submissions (${files.length} files, ${docx} Word reports), ${runs} runs:`);
console.log(`  page (change → ${n} rows): median ${median(results.map((r) => r.page)).toFixed(0)} ms, ` +
  `min ${Math.min(...results.map((r) => r.page)).toFixed(0)}, max ${Math.max(...results.map((r) => r.page)).toFixed(0)}`);
console.log(`  wall (setInputFiles → ${n} rows): median ${median(results.map((r) => r.wall)).toFixed(0)} ms`);
