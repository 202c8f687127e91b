#!/usr/bin/env node
// Typing latency with a large draft: loads a generated draft of N indicators (default 2,000) into
// localStorage, reloads the built page, types characters into an indicator's 实际完成值 and reads
// the page's own performance measures (crates/app/src/perf.rs):
//   sc-update  input event → every reactive update done (re-evaluation, rates, scores, findings,
//              DOM) and style/layout forced;
//   sc-paint   input event → after the next frame was painted (includes waiting for the frame);
// and, from the browser's Event Timing API, how many key presses took ≥ 16 ms to the next paint.
//
//   scripts/with-dist-server.sh -- node scripts/bench-typing.mjs [--indicators 2000] [--keys 40] [--json out.json]
//   node scripts/bench-typing.mjs --url http://127.0.0.1:8080/
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { openBrowser } from '../e2e/harness.mjs';

/** A draft like a large unit's: 20 tasks, N indicators; 1 in 10 short of target and explained
 *  (or, with --worst-case, left unexplained so every one is a finding). */
export function largeDraft(n, worst = false) {
  const tasks = [];
  const per = Math.ceil(n / 20);
  let k = 0;
  for (let t = 0; t < 20 && k < n; t++) {
    const indicators = [];
    for (let i = 0; i < per && k < n; i++, k++) {
      const short = i % 10 === 0;
      const dir = i % 9 === 4 ? '≤' : i % 9 === 7 ? '定性' : '≥';
      indicators.push({
        id: `i${t}-${i}`, name: `指标 ${t + 1}.${i + 1}`, category: '产出-数量', direction: dir,
        unit: dir === '定性' ? '' : '%',
        target: dir === '定性' ? '按期完成' : dir === '≤' ? '5' : '100',
        actual: dir === '定性' ? (short ? '部分达成' : '达成') : dir === '≤' ? (short ? '6' : '3') : short ? '85.79' : String(100 + (i % 3)),
        weight: '0.05', stated_score: '', scoring: '', deduct_per_unit: '',
        reason: short && !worst ? '原因说明' : '', measure: short && !worst ? '改进措施' : '', node: 'duties',
      });
    }
    tasks.push({ id: `t${t}`, name: `重点工作任务 ${t + 1}`, indicators });
  }
  const row = (id, group, name, adjusted = '', actual = '', stated_rate = '') => ({ id, group, name, initial: '', adjusted, actual, stated_rate, reason: '' });
  const doc = {
    format: 'selfcheck/self-evaluation', version: 1,
    unit: { name: '大型单位', year: '2021', level: '市本级', amount_unit: '万元', subordinates: [] },
    budget: {
      total: row('total', '', '合计', '35,408.62', '33,814.57', '95.50'),
      rows: [row('fin', 'source', '一般公共预算财政拨款', '27,585.71', '26,393.83', '95.68'), row('other', 'source', '其他资金', '', '', '94.86')],
      reason: '原因', measure: '措施',
    },
    rubric: { preset: 'guangzhou-dept' },
    tasks,
    stated: { scores: { management: { score: '43.53', reason: '原因', measure: '措施' } }, adjustments: [], total: '93.53', grade: '优' },
    narrative: {},
  };
  return { format: 'selfcheck/drafts', version: 1, current: 'd-1', drafts: [{ id: 'd-1', name: `${n} 个指标`, updated: 0, doc }] };
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

export async function measureTyping({ url, indicators = 2000, keys = 40, worst = false }) {
  const b = await openBrowser();
  try {
    await b.page.goto(url, { waitUntil: 'load' });
    await b.waitForApp();
    const envelope = JSON.stringify(largeDraft(indicators, worst));
    await b.page.evaluate((text) => localStorage.setItem('selfcheck/drafts', text), envelope);
    const t0 = Date.now();
    await b.page.reload({ waitUntil: 'load' });
    await b.waitForApp();
    const id = `f-tasks-t0-indicators-i0-${Math.min(3, Math.ceil(indicators / 20) - 1)}-actual`;
    await b.page.waitForSelector(`[id="${id}"]`, { timeout: 60000 });
    const loadMs = Date.now() - t0;
    const input = b.page.locator(`[id="${id}"]`);
    await input.click();
    await b.page.keyboard.press('End');
    await b.page.waitForTimeout(300);
    await b.page.evaluate(() => {
      performance.clearMeasures(); performance.clearMarks();
      // Event Timing: every key event whose input → next paint took ≥ 16 ms (the API's floor).
      window.__slowEvents = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (['keydown', 'keypress', 'input', 'beforeinput', 'keyup'].includes(e.name)) window.__slowEvents.push({ name: e.name, duration: e.duration });
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    });
    for (let k = 0; k < keys; k++) {
      // Alternate: type a digit (changes completion and score), then delete it.
      if (k % 2 === 0) await b.page.keyboard.type('5'); else await b.page.keyboard.press('Backspace');
      await b.page.waitForFunction((n) => performance.getEntriesByName('sc-paint').length >= n, k + 1, { timeout: 10000 });
      await b.page.waitForTimeout(30);
    }
    const m = await b.page.evaluate(() => ({
      update: performance.getEntriesByName('sc-update').map((e) => e.duration),
      paint: performance.getEntriesByName('sc-paint').map((e) => e.duration),
      evaluate: performance.getEntriesByName('sc-eval').map((e) => e.duration),
      reactive: performance.getEntriesByName('sc-reactive').map((e) => e.duration),
      slowEvents: window.__slowEvents,
    }));
    const findings = await b.page.locator('#status').innerText();
    return { loadMs, findings, ...m };
  } finally {
    await b.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/' },
      indicators: { type: 'string', default: '2000' },
      keys: { type: 'string', default: '40' },
      'worst-case': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const N = Number.parseInt(args.indicators, 10);
  const KEYS = Number.parseInt(args.keys, 10);
  const r = await measureTyping({ url: args.url, indicators: N, keys: KEYS, worst: args['worst-case'] });
  const line = (name, xs) => `${name.padEnd(10)} median ${median(xs).toFixed(1)} ms   p95 ${pct(xs, 0.95).toFixed(1)} ms   max ${Math.max(...xs).toFixed(1)} ms   (${xs.length} keystrokes)`;
  console.log(`\nTyping into an indicator with a ${N}-indicator draft at ${args.url}${args['worst-case'] ? ' (worst case: every shortfall unexplained)' : ''}`);
  console.log(`status after typing: ${r.findings}; draft load + first render ${r.loadMs} ms\n`);
  console.log(line('sc-update', r.update));
  console.log(line('sc-paint', r.paint));
  console.log(line('sc-reactive', r.reactive));
  console.log(line('sc-eval', r.evaluate));
  const slow = r.slowEvents.filter((e) => e.name === 'keydown').map((e) => e.duration);
  const buckets = {};
  for (const d of slow) buckets[d] = (buckets[d] ?? 0) + 1;
  const fast = KEYS - slow.length;
  console.log(`Event Timing, key press → next paint (8 ms resolution; the API reports only ≥ 16 ms): ` +
    [fast ? `< 16 ms ×${fast}` : null, ...Object.entries(buckets).sort((a, b) => a[0] - b[0]).map(([d, n]) => `${d} ms ×${n}`)].filter(Boolean).join(', '));
  if (args.json) writeFileSync(args.json, JSON.stringify({ url: args.url, indicators: N, ...r }, null, 2));
}
