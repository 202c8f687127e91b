#!/usr/bin/env node
// Browser measurements of the built page (run by `make bench-page`, after `make dist`).
//
//   scripts/with-dist-server.sh -- node scripts/bench-page.mjs [--runs 5] [--json out.json]
//   scripts/with-dist-server.sh --gzip -- node scripts/bench-page.mjs   (files sent gzip -9 compressed)
//   node scripts/bench-page.mjs --url http://127.0.0.1:8080/        (any running server of dist/)
//
// Measures
//   (a) gzip -9 size of the page assets in dist/ (index.html + .wasm + .js + .css) and of the
//       single file dist/selfcheck.html; split into what the page loads before its form is on
//       screen and the second module (selfcheck-office*: report, Word, Excel, cross-check),
//       fetched after it;
//   (b) first render: ms from navigation start until `#app` has content (MutationObserver +
//       performance.now() in the page), median of N cold loads, each in a fresh browser profile.
// Prints a table; `--json FILE` also writes the numbers.
//
// EXTENSION POINT: add browser measurements to MEASUREMENTS below. Each entry is
//   { name, unit, run: async ({ openBrowser, url, runs, distDir }) => number[] }  (one value per run)
// and is reported as median/min/max. Example to add: typing latency with a 2,000-indicator draft
// (load the draft into localStorage or via the page's import, then time keystroke -> next frame).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBrowser, distDir as defaultDist } from '../e2e/harness.mjs';
import { measureTyping } from './bench-typing.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/' },
    dist: { type: 'string', default: defaultDist },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const runs = Math.max(1, Number.parseInt(args.runs, 10));
const distDir = path.resolve(args.dist);

const gzip9 = (buf) => gzipSync(buf, { level: zc.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.slice(1).forEach((r) => console.log(line(r)));
}

// ---- (a) sizes -------------------------------------------------------------------------------
function sizes() {
  const assets = readdirSync(distDir)
    .filter((f) => f === 'index.html' || /\.(wasm|js|css)$/.test(f))
    .filter((f) => statSync(path.join(distDir, f)).isFile())
    .sort();
  const rows = assets.map((f) => {
    const buf = readFileSync(path.join(distDir, f));
    return { file: f, raw: buf.length, gzip: gzip9(buf) };
  });
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  // The second module (crates/office), fetched after the form is on screen.
  const second = (f) => f.startsWith('selfcheck-office');
  const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const first = sum(rows.filter((r) => !second(r.file)));
  const later = sum(rows.filter((r) => second(r.file)));
  let single = null;
  try {
    const buf = readFileSync(path.join(distDir, 'selfcheck.html'));
    single = { file: 'selfcheck.html', raw: buf.length, gzip: gzip9(buf) };
  } catch { /* not built */ }
  return { assets: rows, total, first, later, single };
}

// ---- (b) browser measurements ----------------------------------------------------------------
// Installed before any page script: records performance.now() when #app first has content.
const FIRST_RENDER_PROBE = () => {
  const check = () => {
    const app = document.querySelector('#app');
    if (app && app.childElementCount > 0 && app.textContent.trim().length > 0) {
      window.__firstRenderMs = performance.now();
      return true;
    }
    return false;
  };
  const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
};

async function firstRender({ url }) {
  const b = await openBrowser();
  try {
    await b.context.addInitScript(FIRST_RENDER_PROBE);
    await b.page.goto(url, { waitUntil: 'load' });
    await b.page.waitForFunction(() => typeof window.__firstRenderMs === 'number', null, { timeout: 30000 });
    return await b.page.evaluate(() => window.__firstRenderMs);
  } finally {
    await b.close();
  }
}

// What the page fetches before the form is on screen, and how long that takes on a slow line
// and a slow computer: Chromium's DevTools protocol emulates 10 Mbit/s (40 ms latency) and a
// 4× slower CPU; the server (scripts/with-dist-server.sh, Python's http.server) does not
// compress. Bytes are the encoded bytes of every response until #f-unit-name is visible.
async function formOnSlowLine({ url }) {
  const b = await openBrowser();
  try {
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 40, downloadThroughput: (10 * 1024 * 1024) / 8, uploadThroughput: (5 * 1024 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (e) => { if (counting) bytes += e.encodedDataLength; });
    const t0 = Date.now();
    await b.page.goto(url, { waitUntil: 'commit' });
    await b.page.locator('#f-unit-name').waitFor({ state: 'visible', timeout: 60000 });
    const ms = Date.now() - t0;
    counting = false;
    // The report preview: built by the second module, fetched once the form is on screen.
    await b.page.locator('#sec-report .report-doc .report-sec').first().waitFor({ state: 'attached', timeout: 120000 });
    const reportMs = Date.now() - t0;
    return { ms, bytes, reportMs };
  } finally {
    await b.close();
  }
}

const slowRuns = [];
async function slowOnce(ctx) {
  if (slowRuns.length === 0) for (let i = 0; i < ctx.runs; i++) slowRuns.push(await formOnSlowLine(ctx));
  return slowRuns;
}

// scripts/with-dist-server.sh --gzip: every response gzip -9 compressed, as a real host would.
const server = process.env.E2E_SERVER_GZIP ? 'gzip server' : 'no compression';

const MEASUREMENTS = [
  {
    name: `form on screen, 10 Mbit/s + 4× CPU, ${server}`,
    unit: 'ms',
    run: async (ctx) => (await slowOnce(ctx)).map((r) => r.ms),
  },
  {
    name: `bytes fetched before the form shows (${server})`,
    unit: 'KB',
    run: async (ctx) => (await slowOnce(ctx)).map((r) => r.bytes / 1024),
  },
  {
    name: 'report preview on screen, same line (from navigation)',
    unit: 'ms',
    run: async (ctx) => (await slowOnce(ctx)).map((r) => r.reportMs),
  },
  {
    name: 'first render (cold, fresh profile)',
    unit: 'ms',
    run: async (ctx) => {
      const out = [];
      for (let i = 0; i < ctx.runs; i++) out.push(await firstRender(ctx));
      return out;
    },
  },
  {
    // Input event → re-evaluation, DOM update, style and layout (`sc-update`, crates/app/src/perf.rs);
    // scripts/bench-typing.mjs prints the details (paint, Event Timing).
    name: 'typing, 2,000-indicator draft (sc-update)',
    unit: 'ms',
    run: async (ctx) => (await measureTyping({ url: ctx.url, indicators: 2000, keys: 20 })).update,
  },
];

// ---- report ----------------------------------------------------------------------------------
const s = sizes();
console.log(`\nPage assets in ${distDir} (gzip -9):\n`);
table([
  ['file', 'raw', 'gzip -9'],
  ...s.assets.map((r) => [r.file, kb(r.raw), kb(r.gzip)]),
  ['before the form (all but selfcheck-office*)', kb(s.first.raw), kb(s.first.gzip)],
  ['second module (selfcheck-office*), after it', kb(s.later.raw), kb(s.later.gzip)],
  ['TOTAL page assets', kb(s.total.raw), kb(s.total.gzip)],
  ...(s.single ? [['single file selfcheck.html', kb(s.single.raw), kb(s.single.gzip)]] : []),
]);

console.log(`\nBrowser measurements at ${args.url} (${runs} runs each):\n`);
const results = [];
const ctx = { openBrowser, url: args.url, runs, distDir };
for (const m of MEASUREMENTS) {
  const values = await m.run(ctx);
  results.push({ name: m.name, unit: m.unit, values, median: median(values) });
}
table([
  ['measurement', 'median', 'min', 'max'],
  ...results.map((r) => [
    r.name,
    `${r.median.toFixed(1)} ${r.unit}`,
    `${Math.min(...r.values).toFixed(1)} ${r.unit}`,
    `${Math.max(...r.values).toFixed(1)} ${r.unit}`,
  ]),
]);
console.log();

if (args.json) {
  writeFileSync(args.json, JSON.stringify({ url: args.url, sizes: s, measurements: results }, null, 2));
  console.log(`wrote ${args.json}`);
}
