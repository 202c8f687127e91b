// Shared helpers for the end-to-end tests (run with `node --test e2e/*.test.mjs`, see Makefile).
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { openBrowser, baseUrl, screenshot } from './harness.mjs';
//
//   test('something', async (t) => {
//     const b = await openBrowser();          // fresh profile, headless Chromium
//     t.after(() => b.close());
//     await b.page.goto(baseUrl);
//     await b.waitForApp();
//     ...
//     b.assertClean();                         // no console errors, no outside requests
//   });
//
// Environment (set by `make test-e2e` / scripts/with-dist-server.sh):
//   E2E_BASE_URL  URL of the built page, served from dist/ under a sub-path,
//                 e.g. http://127.0.0.1:41234/selfcheck/  (default http://127.0.0.1:8080/)
//   E2E_DIST_DIR  the dist/ directory (default <repo>/dist); dist/selfcheck.html is the single file
//   CHROMIUM      browser binary (default /usr/bin/chromium)
//   E2E_HEADFUL=1 show the browser window (debugging on a desktop)
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const e2eDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(e2eDir, '..');
export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/';
export const distDir = path.resolve(process.env.E2E_DIST_DIR ?? path.join(repoRoot, 'dist'));
export const singleFilePath = path.join(distDir, 'selfcheck.html');
export const singleFileUrl = pathToFileURL(singleFilePath).href;
export const artifactsDir = path.join(e2eDir, 'artifacts');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Flags that keep Chromium quiet and offline-friendly (and runnable as root in a container).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** True when a request URL stays on this machine: 127.0.0.1, data:, blob: (plus extra prefixes). */
export function isLocalUrl(url, allowPrefixes = []) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (allowPrefixes.some((p) => url.startsWith(p))) return true;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') &&
      u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Launches headless Chromium with a fresh --user-data-dir and returns
 * { context, page, requests, consoleErrors, waitForApp, outsideRequests, assertClean, newPage, close }.
 * Every request (and websocket) of every page of the context is recorded in `requests`;
 * console errors and uncaught page errors in `consoleErrors`.
 * options: { viewport = {width:1280,height:800}, allowPrefixes = [] (extra allowed URL prefixes,
 *            e.g. the file:// URL of the single file), contextOptions = {} (Playwright options) }
 */
export async function openBrowser(options = {}) {
  const { viewport = { width: 1280, height: 800 }, allowPrefixes = [], contextOptions = {} } = options;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'selfcheck-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: process.env.E2E_HEADFUL !== '1',
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    ...contextOptions,
  });
  const requests = [];
  const consoleErrors = [];
  context.on('request', (req) => requests.push(req.url()));
  const watch = (page) => {
    page.on('websocket', (ws) => requests.push(ws.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

  const b = {
    context,
    page,
    requests,
    consoleErrors,
    /** Opens another tab in the same profile (same localStorage). */
    newPage: () => context.newPage(),
    /** Waits until `#app` exists and has rendered content. */
    waitForApp: async (p = page, timeout = 15000) => {
      try {
        await p.waitForFunction(() => {
          const app = document.querySelector('#app');
          return !!app && app.childElementCount > 0 && app.textContent.trim().length > 0;
        }, null, { timeout });
      } catch (err) {
        err.message += `\n#app did not render at ${p.url()}; console errors so far:\n  ` +
          (consoleErrors.join('\n  ') || '(none)');
        throw err;
      }
    },
    /** Requests that left the machine (anything but 127.0.0.1, data:, blob:, allowPrefixes). */
    outsideRequests: () => requests.filter((u) => !isLocalUrl(u, allowPrefixes)),
    /** Fails the test on any console error, page error or outside request seen so far. */
    assertClean: () => {
      assert.deepEqual(consoleErrors, [], 'console errors on the page');
      assert.deepEqual(b.outsideRequests(), [], 'requests that went outside 127.0.0.1 / data: / blob:');
    },
    close: async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
  return b;
}

/** Saves a PNG of the page (viewport unless fullPage) to e2e/artifacts/<name>.png; returns its path. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Resolves a path relative to the page base URL (keeps the sub-path). */
export function pageUrl(relative = '') {
  return new URL(relative, baseUrl).href;
}
export { chromium };
