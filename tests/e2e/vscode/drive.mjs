// Drives code-server (VS Code in the browser) with Debian's chromium through playwright-core.
//   1. Opens the workbench on the workspace, which starts the extension host: the self-test
//      extension runs the gate checks there and writes $SELFTEST_OUT; this script waits for that
//      file (not for any DOM timing) and prints its results.
//   2. Then checks what a person sees: the language in the status bar, the Outline, a hover, the
//      Problems panel, the open-repo command. Every wait is for a text to appear, with a deadline;
//      a screenshot of each step goes to $SHOTS.
// Prints "ok NAME" / "not ok NAME: reason" per check; exits 0 when all passed.
// Environment: CS_URL, WS (workspace folder), SELFTEST_OUT, EXPECT (expect.json), SHOTS, CHROMIUM.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const CS_URL = process.env.CS_URL;
const WS = process.env.WS;
const OUT = process.env.SELFTEST_OUT;
const SHOTS = process.env.SHOTS;
const expect = JSON.parse(fs.readFileSync(process.env.EXPECT, 'utf8'));
const T = 30000;

let failed = 0;
const report = (name, ok, detail) => {
  if (!ok) failed++;
  console.log(ok ? `ok ${name}${detail ? ` # ${detail}` : ''}` : `not ok ${name}: ${String(detail).replace(/\s+/g, ' ').slice(0, 400)}`);
};

fs.mkdirSync(SHOTS, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlsp-e2e-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
});
// No request leaves the machine: anything not for code-server gets a stub page, so a link that
// VS Code opens in a new tab is recorded with its address.
const external = [];
await ctx.route(url => !url.href.startsWith(CS_URL), route => {
  external.push(route.request().url());
  return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>external page (test stub)' });
});
const page = ctx.pages()[0] ?? await ctx.newPage();
const pageErrors = [];
page.on('pageerror', e => pageErrors.push(e.message));
const shot = name => page.screenshot({ path: path.join(SHOTS, name) }).catch(() => {});

/** Runs a UI check: fn throws to fail; a failure leaves a screenshot and Escape closes what it opened. */
async function ui(name, fn) {
  try {
    report(name, true, await fn());
  } catch (e) {
    report(name, false, e?.message ?? e);
    await shot(`fail-${name}.png`);
    await page.keyboard.press('Escape').catch(() => {});
  }
}

// F1 opens the quick input ("Control+P" does not reach VS Code in headless chromium); its text
// picks the mode: ">command", "file name", ":line".
async function quickInput(text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(text);
}

async function runCommand(label) {
  await quickInput('>' + label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await quickInput(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: T });
}

async function goToLine(line1) {
  await quickInput(':' + line1);
  await page.locator('.quick-input-list .monaco-list-row, .quick-input-message', { hasText: String(line1) }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  await page.locator('.statusbar-item', { hasText: `Ln ${line1},` }).first().waitFor({ timeout: T });
}

const start = Date.now();
try {
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });

  // ---- 1. the gate: results of the self-test inside the extension host ----
  const deadline = Date.now() + 240000;
  while (!fs.existsSync(OUT) && Date.now() < deadline) await page.waitForTimeout(250);
  if (!fs.existsSync(OUT)) throw new Error(`the self-test wrote no result within 240 s (started: ${fs.existsSync(OUT + '.started')})`);
  const self = JSON.parse(fs.readFileSync(OUT, 'utf8'));
  for (const r of self.results) report(r.name, r.ok, r.ok ? `${r.detail} (${r.ms} ms)` : r.detail);
  await shot('01-after-selftest.png');
  console.error(`# drive: VS Code ${self.vscode}, self-test done after ${Math.round((Date.now() - start) / 1000)} s`);

  // ---- 2. what a person sees ----
  const spaced = expect.files.find(f => f.name === expect.hover.file);
  const other = expect.files.find(f => f.name !== expect.hover.file);
  const head = s => s.slice(0, 24);

  await ui('ui-language', async () => {
    await openFile(other.name);
    await goToLine(1);
    await page.locator('#status\\.editor\\.mode', { hasText: 'Paper Digest' }).waitFor({ timeout: T });
    // The extension's own status item: "$(check) Paper Digest" once the server is ready.
    await page.locator('.statusbar-item:not(#status\\.editor\\.mode)', { hasText: 'Paper Digest' }).locator('.codicon-check').first().waitFor({ timeout: T });
    await shot('02-language.png');
    return 'language mode "Paper Digest", server status ready';
  });

  await ui('ui-outline', async () => {
    await runCommand('Explorer: Focus on Outline View');
    const row = page.locator('.outline-pane .monaco-list-row, .monaco-list-row', { hasText: head(other.firstTitle) }).first();
    await row.waitFor({ timeout: T });
    await shot('03-outline.png');
    await runCommand('View: Close Primary Side Bar').catch(() => {});
    return `outline row "${head(other.firstTitle)}…"`;
  });

  await ui('ui-hover', async () => {
    await openFile(spaced.name);
    await goToLine(expect.hover.line + 1);
    const titleLine = page.locator('.monaco-editor .view-line', { hasText: head(expect.hover.title) }).first();
    await titleLine.waitFor({ timeout: T });
    const hover = page.locator('.monaco-hover', { hasText: 'TL;DR' }).first();
    for (let attempt = 0; ; attempt++) {
      const box = await titleLine.boundingBox();
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      try { await hover.waitFor({ state: 'visible', timeout: 10000 }); break; } catch (e) {
        if (attempt === 2) throw e;
        await page.mouse.move(5, 5);
      }
    }
    await hover.getByText('TL;DR').first().waitFor({ state: 'visible', timeout: T });
    // Links in the hover are rendered as anchors whose target is kept in data-href (or href).
    const link = hover.locator(`a[data-href="${expect.hover.url}"], a[href="${expect.hover.url}"]`).first();
    await link.waitFor({ state: 'attached', timeout: T });
    // The hover fades in: wait for its animations to finish so the screenshot shows its text.
    await hover.evaluate(el => Promise.all(el.getAnimations({ subtree: true }).map(a => a.finished))).catch(() => {});
    await hover.screenshot({ path: path.join(SHOTS, '04-hover-widget.png') }).catch(() => {});
    await shot('04-hover.png');
    await page.mouse.move(5, 5);
    return 'TL;DR and a link to ' + expect.hover.url;
  });

  await ui('ui-problems', async () => {
    await runCommand('View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: T });
    const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    // The filter box may be rebuilt while the panel opens: type until the view says it filters.
    const filtering = page.locator('.part.panel').getByText(/Showing \d+ of \d+/).first();
    for (let attempt = 0; ; attempt++) {
      await filter.fill('PD001');
      try { await filtering.waitFor({ state: 'visible', timeout: 10000 }); break; } catch (e) { if (attempt === 2) throw e; }
    }
    for (const f of expect.files) {
      const otherName = expect.files.find(o => o !== f).name;
      await panel.locator('.monaco-list-row', { hasText: f.name }).first().waitFor({ timeout: T });
      if (f === expect.files[0]) await panel.locator('.monaco-list-row', { hasText: otherName }).filter({ hasText: 'Duplicate' }).first().waitFor({ timeout: T });
    }
    await shot('05-problems.png');
    // Collapsed, the view shows one row per file with its count.
    await page.locator('.part.panel a.action-label[aria-label^="Collapse All"]').first().click({ timeout: T });
    for (const f of expect.files) {
      await panel.locator('.monaco-list-row', { hasText: f.name }).filter({ hasText: String(f.pd001) }).first().waitFor({ timeout: T });
    }
    await shot('06-problems-per-file.png');
    await filter.fill('');
    return expect.files.map(f => `${f.name}: ${f.pd001} PD001`).join(', ');
  });

  await ui('ui-open-repo', async () => {
    await openFile(spaced.name);
    await goToLine(expect.hover.line + 1);
    const before = external.length;
    const popup = ctx.waitForEvent('page', { timeout: T });
    await runCommand('Paper Digest: Open Linked Repository');
    const tab = await popup;
    await tab.waitForLoadState('domcontentloaded', { timeout: T }).catch(() => {});
    const opened = external.slice(before).concat(tab.url());
    await shot('07-open-repo.png');
    if (!opened.some(u => u.replace(/\/$/, '') === expect.hover.url.replace(/\/$/, ''))) throw new Error('opened ' + JSON.stringify(opened));
    await tab.close();
    return 'a new tab opened ' + expect.hover.url;
  });
} catch (e) {
  report('workbench', false, e?.stack ?? e);
  await shot('99-failure.png');
} finally {
  if (pageErrors.length) console.error('# drive: page errors: ' + pageErrors.slice(0, 5).join(' | '));
  await ctx.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
