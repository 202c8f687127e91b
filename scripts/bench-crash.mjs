#!/usr/bin/env node
// What a crash costs: types into the built page, waits D ms, kills the browser with SIGKILL (as a
// power cut or a crash would), starts it again on the same profile and checks whether the typed
// text is back. Prints, for each delay, how many of N runs kept the edit.
//
//   scripts/with-dist-server.sh --dist dist -- node scripts/bench-crash.mjs [--runs 10] [--delays 500,1000,2000,5000]
//
// The page saves to localStorage ≤ 400 ms after the last key press (crates/app/src/storage.rs); what this
// measures is how long the browser keeps that write in memory before it reaches the disk.
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, CHROMIUM_ARGS, chromiumPath, baseUrl } from '../e2e/harness.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, delays: { type: 'string', default: '500,1000,2000,5000' }, url: { type: 'string' } } });
const url = values.url ?? baseUrl;
const runs = Number(values.runs);
const delays = values.delays.split(',').map(Number);

function launch(dir) {
  const proc = spawn(chromiumPath, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve({ proc, ws: m[1] });
    });
    proc.on('exit', () => reject(new Error('chromium exited: ' + err.slice(-500))));
  });
}

async function open(dir) {
  const { proc, ws } = await launch(dir);
  const browser = await chromium.connectOverCDP(ws);
  const ctx = browser.contexts()[0];
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#f-unit-name', { timeout: 20000 });
  return { proc, browser, page };
}

const results = [];
for (const delay of delays) {
  let kept = 0;
  for (let r = 0; r < runs; r++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'selfcheck-crash-'));
    const marker = `崩溃测试-${delay}-${r}-${Date.now()}`;
    let s = await open(dir);
    await s.page.locator('#f-unit-name').fill(marker);
    // The page's own save (localStorage) has happened once the stored text holds the marker.
    await s.page.waitForFunction((m) => (localStorage.getItem('selfcheck/drafts') ?? '').includes(m), marker, { timeout: 5000 });
    const savedAt = Date.now();
    await new Promise((ok) => setTimeout(ok, delay));
    const killedAfter = Date.now() - savedAt;
    s.proc.kill('SIGKILL');
    await new Promise((ok) => s.proc.once('exit', ok));
    s = await open(dir);
    await s.page.waitForTimeout(1500); // a durable copy, when there is one, is restored asynchronously
    const value = await s.page.locator('#f-unit-name').inputValue();
    if (value === marker) kept++;
    s.proc.kill('SIGKILL');
    await new Promise((ok) => s.proc.once('exit', ok));
    await rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
    process.stderr.write(`delay ${delay} ms run ${r + 1}: ${value === marker ? 'kept' : 'LOST'} (killed ${killedAfter} ms after the save)\n`);
  }
  results.push({ delay_ms: delay, runs, kept });
}
console.log('\nkilled N ms after the page saved | edits kept');
for (const r of results) console.log(`${String(r.delay_ms).padStart(6)} ms | ${r.kept}/${r.runs}`);
