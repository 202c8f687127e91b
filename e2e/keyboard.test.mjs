// The page with the keyboard alone (no mouse click anywhere): Tab reaches 基本信息 after the
// header, a budget row is typed in, Tab reaches 自查结果 and Enter / Space on a finding moves focus
// to the field it concerns. Every control reached by Tab has an accessible name (as Chromium's
// accessibility tree computes it), shows a focus indicator (its outline or box-shadow changes when
// it is focused) and is not hidden under the sticky header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, baseUrl, screenshot } from './harness.mjs';

/** Tab presses allowed to reach the first field of 基本信息 (the header has ~21 controls). */
const FIRST_FIELD_WITHIN = 30;
/** Tab presses allowed to walk from the budget table to a finding (the empty draft has ~60 controls between). */
const WALK_LIMIT = 400;

/**
 * The focused element as the test sees it, plus the style of the element focused before. A control
 * that is visually hidden (a file input styled through its label) must show focus on its label.
 */
function focusStep() {
  const shown = (e) => {
    const hidden = Number(getComputedStyle(e).opacity) === 0 || e.getBoundingClientRect().width <= 1;
    return hidden && e.labels?.length ? e.labels[0] : e;
  };
  const style = (el) => {
    const e = shown(el);
    const s = getComputedStyle(e);
    return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
  };
  const prev = window.__kbPrev;
  const e = document.activeElement;
  const out = { prevUnfocused: prev && prev !== e && prev.isConnected ? style(prev) : null };
  window.__kbPrev = e;
  const r = shown(e).getBoundingClientRect();
  const header = document.querySelector('header.top');
  out.cur = {
    key: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''}` +
      (shown(e) !== e ? ' (shown by its label)' : ''),
    id: e.id,
    tag: e.tagName,
    text: (e.textContent ?? '').trim().slice(0, 60),
    inHeader: !!header?.contains(e),
    headerBottom: header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0,
    top: r.top, bottom: r.bottom, width: r.width, height: r.height,
    innerHeight: window.innerHeight,
    style: style(e),
  };
  return out;
}

/** A keyboard walker over one page: press(key) presses and records what got focus. */
async function walker(b) {
  const p = b.page;
  const cdp = await b.context.newCDPSession(p);
  const seen = []; // { key, name, role, style, unfocused }
  const accessibleName = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => {});
    const node = nodes.find((n) => !n.ignored) ?? nodes[0];
    return { name: String(node?.name?.value ?? '').trim(), role: String(node?.role?.value ?? '') };
  };
  const press = async (key) => {
    await p.keyboard.press(key);
    const step = await p.evaluate(focusStep);
    if (seen.length && step.prevUnfocused && !seen.at(-1).unfocused) seen.at(-1).unfocused = step.prevUnfocused;
    const cur = step.cur;
    if (cur.tag !== 'BODY') seen.push({ ...cur, ...(await accessibleName()) });
    return cur;
  };
  /** Presses `key` until `pred(focused)` holds; fails after `limit` presses. */
  const until = async (key, pred, limit, what) => {
    for (let i = 1; i <= limit; i++) {
      const cur = await press(key);
      if (pred(cur)) return i;
    }
    assert.fail(`${what}: not reached in ${limit} presses of ${key}; last focused: ${seen.at(-1)?.key}`);
  };
  return { press, until, seen };
}

/** A focus indicator: an outline ≥ 2 px or a box-shadow that the unfocused element does not have. */
function assertFocusVisible(s) {
  const f = s.style;
  const u = s.unfocused;
  assert.ok(u, `${s.key}: its unfocused style was recorded`);
  const outline = f.outlineStyle !== 'none' && f.outlineWidth >= 2 && !/rgba\(.*, 0\)$/.test(f.outlineColor) &&
    (u.outlineStyle !== f.outlineStyle || u.outlineWidth !== f.outlineWidth || u.outlineColor !== f.outlineColor);
  const shadow = f.boxShadow !== 'none' && f.boxShadow !== u.boxShadow;
  assert.ok(outline || shadow, `${s.key} (“${s.name}”) shows no focus indicator: focused ${JSON.stringify(f)}, unfocused ${JSON.stringify(u)}`);
}

/** Focused and on screen: inside the window, and (outside the header) not under the sticky header. */
function assertOnScreen(s) {
  assert.ok(s.width > 0 && s.height > 0, `${s.key} has a size`);
  assert.ok(s.bottom > 0 && s.top < s.innerHeight, `${s.key} is inside the window (top ${s.top})`);
  if (!s.inHeader) assert.ok(s.top >= s.headerBottom - 1, `${s.key} (top ${s.top}) is hidden under the sticky header (bottom ${s.headerBottom})`);
}

test('keyboard only: Tab to 基本信息 and the budget, type, follow findings with Enter and Space', async (t) => {
  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  t.after(() => b.close());
  const p = b.page;
  await p.goto(baseUrl, { waitUntil: 'load' });
  await b.waitForApp();
  const k = await walker(b);

  // From the top of the page: the header's controls, then the first field of 基本信息.
  const toFirst = await k.until('Tab', (c) => c.id === 'f-unit-name', FIRST_FIELD_WITHIN, '单位名称 (first field of 基本信息)');
  assert.ok(k.seen.slice(0, -1).every((s) => s.inHeader), 'everything before 单位名称 is in the header');
  assert.ok(k.seen.some((s) => s.id === 'status') && k.seen.some((s) => s.id === 'import-file') && k.seen.some((s) => s.id === 'draft-select'),
    'the status link, the draft list and the import are reachable by Tab');

  // A budget row, typed with the keyboard.
  await k.until('Tab', (c) => c.id === 'f-budget-rows-fin-adjusted', 30, '财政拨款 全年预算数');
  await p.keyboard.type('27,585.71');
  await k.press('Tab');
  assert.equal(k.seen.at(-1).id, 'f-budget-rows-fin-actual', 'Tab goes on to 执行数 of the same row');
  await p.keyboard.type('26,393.83');
  assert.equal(await p.locator('#f-budget-rows-fin-adjusted').inputValue(), '27,585.71');
  assert.equal(await p.locator('#f-budget-rows-fin-actual').inputValue(), '26,393.83');
  await p.waitForFunction(() => document.getElementById('calc-rate-fin')?.querySelector('.v')?.textContent === '95.68%');

  // On through the page to 自查结果; Enter on a finding focuses its field.
  const finding = (text) => (c) => c.tag === 'BUTTON' && c.text.includes(text);
  await k.until('Tab', finding('合计执行数不能为空'), WALK_LIMIT, 'the finding 合计执行数不能为空 in 自查结果');
  // Shift+Tab scrolls the page back up: what gets focus comes in under the sticky header unless
  // the page keeps it clear (scroll-padding-top); checked below with every other step.
  for (let i = 0; i < 25; i++) await k.press('Shift+Tab');
  await k.until('Tab', finding('合计执行数不能为空'), 30, 'the finding 合计执行数不能为空 again');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.activeElement?.id === 'f-budget-total-actual', null, { timeout: 5000 });
  await p.keyboard.type('33,814.57');
  assert.equal(await p.locator('#f-budget-total-actual').inputValue(), '33,814.57');
  const focused = await p.evaluate(focusStep);
  assertOnScreen(focused.cur);
  await screenshot(p, 'keyboard-finding-followed');

  // Back to the header's status link, Enter jumps to 自查结果, Tab reaches its first finding, and
  // Space on it focuses 单位名称.
  await k.until('Shift+Tab', (c) => c.id === 'status', 60, 'the status link in the header');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => location.hash === '#sec-findings');
  const first = await k.press('Tab');
  assert.equal(first.tag, 'BUTTON', `Tab after the status link lands in 自查结果 (got ${first.key})`);
  assert.match(first.text, /单位名称不能为空/);
  await p.keyboard.press('Space');
  await p.waitForFunction(() => document.activeElement?.id === 'f-unit-name', null, { timeout: 5000 });

  // Every control reached: named, with a visible focus indicator, not under the header.
  const checked = k.seen.filter((s) => s.unfocused);
  assert.ok(checked.length >= toFirst + 40, `controls checked: ${checked.length}`);
  const unnamed = checked.filter((s) => !s.name).map((s) => s.key);
  assert.deepEqual(unnamed, [], 'focusable controls without an accessible name');
  for (const s of checked) {
    assertFocusVisible(s);
    assertOnScreen(s);
  }
  b.assertClean();
});
