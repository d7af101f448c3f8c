// The gate of the VS Code end-to-end test: it runs inside the same extension host as the Paper
// Digest extension, drives it through VS Code's own API (the commands and providers a user's clicks
// end in), and writes one result per check to $PAPER_DIGEST_E2E_OUT as JSON. No DOM, no timing:
// every wait is for a condition, with a deadline.
//
// It runs once per code-server process: when $PAPER_DIGEST_E2E_OUT already exists it does nothing.
// $PAPER_DIGEST_E2E_EXPECT names the expectations that run.sh took from `paperlsp check/outline`.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const OUT = process.env.PAPER_DIGEST_E2E_OUT;
const EXPECT = process.env.PAPER_DIGEST_E2E_EXPECT;
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls fn until it returns a truthy value or the deadline passes; returns the last value. */
async function until(fn, ms = 30000, step = 200) {
  const end = Date.now() + ms;
  let v;
  for (;;) {
    v = await fn();
    if (v || Date.now() > end) return v;
    await sleep(step);
  }
}

function codeOf(d) {
  return d.code === undefined ? undefined : typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function hoverText(hovers) {
  return (hovers || []).flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function run() {
  const expect = JSON.parse(fs.readFileSync(EXPECT, 'utf8'));
  const results = [];
  // Each check has a deadline, so one that hangs (a modal dialog, say) fails alone.
  const check = async (name, fn, ms = 90000) => {
    const t0 = Date.now();
    try {
      let timer;
      const detail = await Promise.race([fn(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms); })])
        .finally(() => clearTimeout(timer));
      results.push({ name, ok: true, detail: detail === undefined ? '' : String(detail), ms: Date.now() - t0 });
    } catch (e) {
      results.push({ name, ok: false, detail: String((e && e.message) || e), ms: Date.now() - t0 });
    }
    fs.appendFileSync(OUT + '.progress', JSON.stringify(results[results.length - 1]) + '\n');
  };
  const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

  const ext = vscode.extensions.getExtension('paperlsp.paper-digest');
  let api;
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const docs = {};

  await check('activate', async () => {
    assert(ext, 'the extension paperlsp.paper-digest is not installed');
    api = await ext.activate();
    assert(api && typeof api.whenReady === 'function', 'the extension returned no API');
    return 'active';
  });
  if (!api) return results;

  await check('language', async () => {
    // .txt files open as Plain Text; the extension re-labels those whose first line is boilerplate.
    for (const f of expect.files) {
      const uri = vscode.Uri.joinPath(folder, f.name);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      docs[f.name] = { uri };
    }
    for (const f of expect.files) {
      const lang = () => (vscode.workspace.textDocuments.find(d => d.uri.toString() === docs[f.name].uri.toString()) || {}).languageId;
      const ok = await until(() => lang() === 'paper-digest', 20000);
      assert(ok, f.name + ' is ' + lang() + ', not paper-digest');
    }
    return expect.files.map(f => f.name).join(', ') + ': paper-digest';
  });

  await check('status-bar', async () => {
    // The server starts with the first digest opened (above).
    await Promise.race([api.whenReady(), sleep(60000).then(() => { throw new Error('the server was not ready within 60 s; status: ' + api.statusText); })]);
    assert(api.serverSource === 'bundled', 'the server came from ' + api.serverSource + ', not the bundled copy');
    const text = await until(() => (api.statusText === '$(check) Paper Digest' ? api.statusText : undefined), 30000);
    assert(text, 'the status bar says ' + JSON.stringify(api.statusText));
    return text + ' (bundled server)';
  });

  await check('outline', async () => {
    const out = [];
    for (const f of expect.files) {
      const symbols = await until(async () => {
        const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', docs[f.name].uri);
        return s && s.length ? s : undefined;
      });
      assert(symbols, 'no symbols for ' + f.name);
      const papers = [];
      const walk = list => { for (const s of list) { if (s.kind === vscode.SymbolKind.Namespace) walk(s.children || []); else papers.push(s); } };
      walk(symbols);
      assert(papers.length === f.papers, `${f.name}: ${papers.length} papers in the outline, paperlsp outline says ${f.papers}`);
      assert(papers[0].name === f.firstTitle, `${f.name}: first paper ${JSON.stringify(papers[0].name)}, expected ${JSON.stringify(f.firstTitle)}`);
      out.push(`${f.name}: ${papers.length} papers`);
    }
    return out.join('; ');
  });

  await check('hover', async () => {
    const f = expect.hover;
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', docs[f.file].uri, new vscode.Position(f.line, 2));
    const text = hoverText(hovers);
    assert(text.includes('TL;DR'), 'the hover has no TL;DR: ' + JSON.stringify(text.slice(0, 300)));
    assert(text.includes(f.url), 'the hover does not link ' + f.url);
    return 'TL;DR and ' + f.url;
  });

  const dupes = {};
  await check('diagnostics', async () => {
    const out = [];
    for (const f of expect.files) {
      const uri = docs[f.name].uri;
      const pd001 = await until(() => {
        const d = vscode.languages.getDiagnostics(uri).filter(x => codeOf(x) === 'PD001');
        return d.length >= f.pd001 ? d : undefined;
      }, 30000);
      const got = vscode.languages.getDiagnostics(uri).filter(x => codeOf(x) === 'PD001');
      assert(pd001 && got.length === f.pd001, `${f.name}: ${got.length} PD001 diagnostics, paperlsp check says ${f.pd001}`);
      const others = expect.files.filter(o => o.name !== f.name).map(o => o.name);
      const cross = got.filter(d => (d.relatedInformation || []).some(r => others.includes(path.basename(r.location.uri.fsPath))));
      assert(cross.length === f.crossFile, `${f.name}: ${cross.length} PD001 name a copy in another file, expected ${f.crossFile}`);
      assert(got.every(d => d.severity === vscode.DiagnosticSeverity.Warning), `${f.name}: a PD001 is not a warning`);
      dupes[f.name] = got;
      out.push(`${f.name}: ${got.length} PD001, ${cross.length} across files`);
    }
    return out.join('; ');
  });

  const first = expect.files[0];
  const firstDup = () => (dupes[first.name] || []).slice().sort((a, b) => a.range.start.line - b.range.start.line)[0];

  await check('show-duplicates', async () => {
    const d = firstDup();
    assert(d, 'no PD001 in ' + first.name);
    const editor = await vscode.window.showTextDocument(docs[first.name].uri, { preview: false });
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    const locs = await vscode.commands.executeCommand('paperDigest.showDuplicates');
    await vscode.commands.executeCommand('closeReferenceSearch');
    assert(Array.isArray(locs) && locs.length >= 2, 'showDuplicates gave ' + JSON.stringify(locs && locs.length));
    const files = new Set(locs.map(l => path.basename(l.uri.fsPath)));
    assert(files.size >= 2, 'the copies are all in ' + [...files].join(', '));
    return `${locs.length} copies in ${[...files].join(', ')}`;
  });

  await check('next-duplicate', async () => {
    const d = firstDup();
    const editor = await vscode.window.showTextDocument(docs[first.name].uri, { preview: false });
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    const loc = await vscode.commands.executeCommand('paperDigest.nextDuplicate');
    const related = (d.relatedInformation || []).map(r => `${path.basename(r.location.uri.fsPath)}:${r.location.range.start.line}`);
    assert(loc, 'nextDuplicate went nowhere');
    const active = vscode.window.activeTextEditor;
    const where = `${path.basename(active.document.uri.fsPath)}:${active.selection.active.line}`;
    assert(where === `${path.basename(loc.uri.fsPath)}:${loc.range.start.line}`, 'the editor is at ' + where + ', not at the returned copy');
    assert(related.includes(where), `${where} is not one of the copies ${related.join(', ')}`);
    return `${first.name}:${d.range.start.line} -> ${where}`;
  });

  await check('open-repo', async () => {
    const f = expect.hover;
    const editor = await vscode.window.showTextDocument(docs[f.file].uri, { preview: false });
    editor.selection = new vscode.Selection(f.line, 3, f.line, 3);
    const before = api.openedExternally.length;
    const opened = await vscode.commands.executeCommand('paperDigest.openLinkedRepo');
    assert(opened === true, 'the command answered ' + JSON.stringify(opened));
    const urls = api.openedExternally.slice(before);
    assert(urls.length === 1 && urls[0].replace(/\/$/, '') === f.url.replace(/\/$/, ''), 'opened ' + JSON.stringify(urls) + ', expected ' + f.url);
    return 'opened ' + urls[0];
  });

  await check('export-outline', async () => {
    const f = expect.files[0];
    await vscode.window.showTextDocument(docs[f.name].uri, { preview: false });
    const doc = await vscode.commands.executeCommand('paperDigest.exportOutline');
    assert(doc && doc.languageId === 'markdown', 'no Markdown document');
    const text = doc.getText();
    assert(text.includes(`${f.papers} papers.`), 'the export does not count ' + f.papers + ' papers');
    const items = text.split('\n').filter(l => l.startsWith('- ')).length;
    assert(items === f.papers, `${items} items for ${f.papers} papers`);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    return `${items} items`;
  });

  await check('server-path', async () => {
    // A server path that does not exist: the restart fails with a message naming it, the status
    // bar shows the error; with the setting cleared the bundled server comes back.
    const cfg = vscode.workspace.getConfiguration('paperDigest');
    const missing = path.join(path.dirname(folder.fsPath), 'no-such-dir', 'paperlsp.dll');
    await cfg.update('server.path', missing, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('paperDigest.restartServer');
      const state = api.state;
      assert(state.kind === 'error', 'the state is ' + state.kind + ' with a missing server');
      assert(state.message.includes(missing) && state.message.includes('does not exist'), 'the message does not say what is wrong: ' + state.message);
      assert(/error/.test(api.statusText), 'the status bar says ' + api.statusText);
    } finally {
      await cfg.update('server.path', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('paperDigest.restartServer');
    assert(api.state.kind === 'ready' && api.serverSource === 'bundled', 'not back on the bundled server: ' + api.state.kind);
    await vscode.commands.executeCommand('notifications.clearAll');
    return 'error named the missing path; bundled server back';
  });

  await check('restart', async () => {
    await vscode.commands.executeCommand('paperDigest.restartServer');
    await Promise.race([api.whenReady(), sleep(60000).then(() => { throw new Error('not ready 60 s after the restart'); })]);
    const symbols = await until(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', docs[first.name].uri);
      return s && s.length ? s : undefined;
    });
    assert(symbols, 'no symbols after the restart');
    const pd001 = await until(() => vscode.languages.getDiagnostics(docs[first.name].uri).filter(x => codeOf(x) === 'PD001').length === first.pd001, 30000);
    assert(pd001, 'the PD001 diagnostics did not come back after the restart');
    return 'ready again, ' + api.statusText;
  });

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return results;
}

async function activate() {
  if (!OUT || !EXPECT || fs.existsSync(OUT)) return;
  fs.writeFileSync(OUT + '.started', new Date().toISOString());
  let results;
  try {
    results = await run();
  } catch (e) {
    results = [{ name: 'selftest', ok: false, detail: String((e && e.stack) || e) }];
  }
  fs.writeFileSync(OUT + '.tmp', JSON.stringify({ vscode: vscode.version, results }, null, 1));
  fs.renameSync(OUT + '.tmp', OUT); // atomic: the driver never reads half a file
}

module.exports = { activate, deactivate() {} };
