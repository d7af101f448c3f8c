// End to end, with an independent client: Microsoft's vscode-languageserver-protocol talks to the real
// PaperLsp server process over stdio. Every test starts its own server and ends its process.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ShutdownRequest,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node.js';
import { clientCapabilities, ensureServerBuilt, lineOf, seed, withServer } from './harness.mjs';

const SEED_000 = '000_28557f506f1a8781.txt';
const SEED_004 = '004_2519e4a23e4788df.txt';
// The seed's third line, without the page phrase the copy glued to it (read, never copied here).
const glued004 = seed(SEED_004);
const FIRST_004_TITLE = glued004.missing ? '' : glued004.text.split('\n')[2].replace(/^Subscribe/, '');
const TEST_TIMEOUT = 30000;

before(() => ensureServerBuilt(), { timeout: 10 * 60 * 1000 });

function open(server, doc, version = 1) {
  return server.notify('textDocument/didOpen', {
    textDocument: { uri: doc.uri, languageId: 'paper-digest', version, text: doc.text },
  });
}

function symbols(server, uri) {
  return server.request(DocumentSymbolRequest.type, { textDocument: { uri } });
}

/** Awaits a request that must fail, and returns its ResponseError. */
async function responseError(promise) {
  try {
    const result = await promise;
    assert.fail(`expected an error response, got the result ${JSON.stringify(result)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return e;
  }
}

const pd = (code) => (d) => d.code === code;

test('push session: open, diagnostics, outline, incremental edits, shutdown, exit 0', { timeout: TEST_TIMEOUT }, async (t) => {
  const doc = seed(SEED_004);
  if (doc.missing) return t.skip(doc.missing);
  await withServer(async (server) => {
    const init = await server.initialize(clientCapabilities());
    assert.equal(init.serverInfo?.name, 'paperlsp');
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(init.capabilities.documentSymbolProvider, true);
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull support announced, so the server must push');

    await open(server, doc);
    const v1 = await server.waitForDiagnostics((p) => p.uri === doc.uri && p.version === 1, { what: 'diagnostics v1' });
    const pd003 = v1.diagnostics.filter(pd('PD003'));
    assert.equal(pd003.length, 1, JSON.stringify(pd003));
    assert.deepEqual(pd003[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
    assert.equal(pd003[0].source, 'paperlsp');
    assert.equal(v1.diagnostics.filter(pd('PD001')).length, 0, 'one document alone has no cross-file duplicates');

    const outline = await symbols(server, doc.uri);
    assert.equal(outline.length, 119);
    assert.equal(outline[0].name, FIRST_004_TITLE);
    assert.equal(outline[0].kind, 5 /* Class */);
    // The title starts after the glued "Subscribe"; the selection is exactly the title.
    assert.deepEqual(outline[0].selectionRange, { start: { line: 2, character: 9 }, end: { line: 2, character: 9 + FIRST_004_TITLE.length } });

    // Version 2: insert text at the start of the second paper's title line (line 4).
    const secondTitle = lineOf(doc.text, 4);
    assert.equal(outline[1].name, secondTitle);
    const mark = server.published.length;
    await server.notify('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, rangeLength: 0, text: 'Draft: ' }],
    });
    const v2 = await server.waitForDiagnostics((p) => p.uri === doc.uri && p.version === 2, { from: mark, what: 'diagnostics v2' });
    assert.equal(v2.diagnostics.filter(pd('PD003')).length, 1);
    const edited = await symbols(server, doc.uri);
    assert.equal(edited.length, 119);
    assert.equal(edited[1].name, 'Draft: ' + secondTitle);
    assert.deepEqual(edited[1].selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 + secondTitle.length } });
    assert.equal(edited[0].name, FIRST_004_TITLE, 'the other papers are untouched');

    // Version 3: delete the glued "Subscribe"; the published diagnostics must follow the text.
    const mark3 = server.published.length;
    await server.notify('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }, rangeLength: 9, text: '' }],
    });
    const v3 = await server.waitForDiagnostics((p) => p.uri === doc.uri && p.version === 3, { from: mark3, what: 'diagnostics v3' });
    assert.equal(v3.diagnostics.filter(pd('PD003')).length, 0, 'PD003 is gone once "Subscribe" is deleted');
    const fixed = await symbols(server, doc.uri);
    assert.deepEqual(fixed[0].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: FIRST_004_TITLE.length } });

    const { result, code, signal } = await server.shutdownAndExit();
    assert.equal(result, null);
    assert.equal(signal, null);
    assert.equal(code, 0);
  });
});

test('pull mode: diagnosticProvider, full report, then unchanged for the same resultId', { timeout: TEST_TIMEOUT }, async (t) => {
  const doc = seed(SEED_004);
  if (doc.missing) return t.skip(doc.missing);
  await withServer(async (server) => {
    const init = await server.initialize(clientCapabilities({ pull: true }));
    assert.ok(init.capabilities.diagnosticProvider, 'announced textDocument.diagnostic, so the server offers pull');
    assert.equal(init.capabilities.diagnosticProvider.interFileDependencies, true);
    assert.equal(init.capabilities.diagnosticProvider.workspaceDiagnostics, true);

    await open(server, doc);
    const full = await server.request(DocumentDiagnosticRequest.type, { textDocument: { uri: doc.uri } });
    assert.equal(full.kind, 'full');
    assert.equal(typeof full.resultId, 'string');
    assert.ok(full.items.length > 0);
    assert.deepEqual(full.items.filter(pd('PD003')).map((d) => d.range),
      [{ start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }]);

    const again = await server.request(DocumentDiagnosticRequest.type, { textDocument: { uri: doc.uri }, previousResultId: full.resultId });
    assert.equal(again.kind, 'unchanged');
    assert.equal(again.resultId, full.resultId);
    assert.equal(again.items, undefined);

    // workspace/diagnostic: the open document, with its version; unchanged for the id the client holds.
    const ws = await server.request(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.equal(ws.items.length, 1);
    assert.equal(ws.items[0].uri, doc.uri);
    assert.equal(ws.items[0].version, 1);
    assert.equal(ws.items[0].kind, 'full');
    // Up to date: the request is held open (long polling) until the workspace changes.
    let answered = false;
    const held = server.request(WorkspaceDiagnosticRequest.type, { previousResultIds: [{ uri: doc.uri, value: ws.items[0].resultId }] })
      .then((r) => { answered = true; return r; });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, false);
    await server.notify('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Zeta: A New First Paper\n\nA new abstract that we propose, with results on benchmarks.\n\n' }],
    });
    const ws2 = await held;
    assert.equal(ws2.items[0].kind, 'full');
    assert.equal(ws2.items[0].version, 2);

    // A client that pulls is never pushed to.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(server.published, []);

    const { code } = await server.shutdownAndExit();
    assert.equal(code, 0);
  });
});

test('both seeds open: 13 cross-file PD001 duplicates in each, pointing at the other file', { timeout: TEST_TIMEOUT }, async (t) => {
  const a = seed(SEED_000);
  const b = seed(SEED_004);
  if (a.missing || b.missing) return t.skip(a.missing ?? b.missing);
  await withServer(async (server) => {
    await server.initialize(clientCapabilities());
    await open(server, a);
    await open(server, b);
    const pd001 = (p) => p.diagnostics.filter(pd('PD001'));
    // Wait until the latest publish for each uri shows the cross-file duplicates.
    await server.waitForDiagnostics(() => {
      const latest = server.latestByUri();
      return [a, b].every((d) => latest.has(d.uri) && pd001(latest.get(d.uri)).length > 0);
    }, { what: 'PD001 in both seeds' });
    const latest = server.latestByUri();
    for (const [doc, other] of [[a, b], [b, a]]) {
      const dups = pd001(latest.get(doc.uri));
      assert.equal(dups.length, 13, `${doc.uri}: ${dups.length} PD001`);
      for (const d of dups) {
        assert.equal(d.severity, 2 /* Warning */);
        assert.equal(d.relatedInformation?.length, 1, JSON.stringify(d));
        const related = d.relatedInformation[0].location;
        assert.equal(related.uri, other.uri);
        // Messages name the other file by its path in the workspace, or its name outside it (here).
        assert.ok(d.message.includes(`also at ${other.uri.split('/').pop()}:${related.range.start.line + 1}`), d.message);
        // The related range is the duplicate's title in the other file, and the title matches ours.
        const ours = lineOf(doc.text, d.range.start.line).slice(d.range.start.character, d.range.end.character);
        const theirs = lineOf(other.text, related.range.start.line).slice(related.range.start.character, related.range.end.character);
        assert.equal(theirs.toLowerCase(), ours.toLowerCase());
      }
    }

    // Closing one seed clears its diagnostics and the duplicates in the other.
    const mark = server.published.length;
    await server.notify('textDocument/didClose', { textDocument: { uri: b.uri } });
    const cleared = await server.waitForDiagnostics((p) => p.uri === b.uri, { from: mark, what: 'cleared diagnostics for the closed seed' });
    assert.deepEqual(cleared.diagnostics, []);
    const rest = await server.waitForDiagnostics((p) => p.uri === a.uri, { from: mark, what: 'diagnostics for the seed left open' });
    assert.equal(pd001(rest).length, 0);

    const { code } = await server.shutdownAndExit();
    assert.equal(code, 0);
  });
});

test('lifecycle: -32002 before initialize, -32601 for unknown methods, -32600 after shutdown, exit 1 without shutdown', { timeout: TEST_TIMEOUT }, async () => {
  await withServer(async (server) => {
    const early = await responseError(symbols(server, 'file:///nowhere.txt'));
    assert.equal(early.code, ErrorCodes.ServerNotInitialized);
    assert.equal(early.code, -32002);

    await server.initialize(clientCapabilities());
    await server.notify('$/setTrace', { value: 'verbose' });
    const unknown = await responseError(server.request('paperlsp/noSuchMethod', {}));
    assert.equal(unknown.code, ErrorCodes.MethodNotFound);
    assert.equal(unknown.code, -32601);
    // An unknown notification is ignored and the server keeps answering.
    await server.notify('paperlsp/noSuchNotification', {});
    const notOpen = await responseError(symbols(server, 'file:///not-open.txt'));
    assert.equal(notOpen.code, ErrorCodes.InvalidParams);

    assert.equal(await server.request(ShutdownRequest.type), null);
    const late = await responseError(symbols(server, 'file:///nowhere.txt'));
    assert.equal(late.code, ErrorCodes.InvalidRequest);
    assert.equal(late.code, -32600);
    await server.notify('exit');
    assert.deepEqual(await server.waitForExit(), { code: 0, signal: null });
  });

  await withServer(async (server) => {
    await server.initialize(clientCapabilities());
    await server.notify('exit');
    assert.deepEqual(await server.waitForExit(), { code: 1, signal: null }, 'exit without shutdown is exit code 1');
  });
});

test('utf-8 position encoding: negotiated, and symbol ranges and edits in UTF-8 bytes', { timeout: TEST_TIMEOUT }, async () => {
  const title = 'Café 🚀 Rockets: Fast Attention for Everyone';
  const text = [
    'Get trending papers in your email inbox!', '', 'Daily Papers', '', 'Sep 10', '',
    title, '',
    'We propose a method that makes attention fast. Our experiments on many benchmarks show large gains over strong baselines, and we release our code.', '',
    'Quiet Gradients: Noise Floors in Low-Precision Training', '',
    'Training in 8-bit floating point is attractive but fragile. We measure the noise floor that quantized gradients impose on the optimizer.', '',
  ].join('\n');
  const uri = 'file:///virtual/emoji.digest';
  const bytes = (s) => Buffer.byteLength(s, 'utf8');
  // The expected numbers: "Café 🚀 Rockets…" is 44 UTF-16 code units but 47 UTF-8 bytes (é is 2 bytes, 🚀 is 4).
  assert.equal(title.length, 44);
  assert.equal(bytes(title), 47);

  await withServer(async (server) => {
    const init = await server.initialize(clientCapabilities({ encodings: ['utf-8'] }));
    assert.equal(init.capabilities.positionEncoding, 'utf-8');
    await open(server, { uri, text });
    const [section] = await symbols(server, uri);
    assert.equal(section.name, 'Sep 10');
    assert.equal(section.kind, 3 /* Namespace */);
    const paper = section.children[0];
    assert.equal(paper.name, title);
    assert.deepEqual(paper.selectionRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 47 } });

    // An edit addressed in UTF-8 bytes: insert "Big " right after "Café 🚀 " (5 + 1 + 4 + 1 = 11 bytes).
    const at = bytes('Café 🚀 ');
    assert.equal(at, 11);
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: at }, end: { line: 6, character: at } }, text: 'Big ' }],
    });
    const [after] = await symbols(server, uri);
    assert.equal(after.children[0].name, 'Café 🚀 Big Rockets: Fast Attention for Everyone');
    assert.deepEqual(after.children[0].selectionRange.end, { line: 6, character: 47 + 4 });
    const { code } = await server.shutdownAndExit();
    assert.equal(code, 0);
  });

  // The same document with the default encoding counts UTF-16 code units instead.
  await withServer(async (server) => {
    const init = await server.initialize(clientCapabilities({ encodings: ['utf-16'] }));
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    await open(server, { uri, text });
    const [section] = await symbols(server, uri);
    assert.deepEqual(section.children[0].selectionRange.end, { line: 6, character: 44 });
    const { code } = await server.shutdownAndExit();
    assert.equal(code, 0);
  });
});

test('a change whose range ends past the line end clamps to it, even at the uinteger maximum', { timeout: TEST_TIMEOUT }, async () => {
  // The spec: "If the character value is greater than the line length it defaults back to the line length."
  const text = ['Sep 10', '', 'Alpha Paper Title Here', '', 'An abstract that is long enough to be an abstract, with several words in it for the parser.', ''].join('\n');
  const uri = 'file:///virtual/clamp.digest';
  await withServer(async (server) => {
    await server.initialize(clientCapabilities());
    await open(server, { uri, text });
    await server.waitForDiagnostics((p) => p.uri === uri && p.version === 1, { what: 'diagnostics v1' });
    const mark = server.published.length;
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 2147483647 } }, text: 'Omega' }],
    });
    const [section] = await symbols(server, uri);
    assert.equal(section.children[0].name, 'Alpha Omega', `server log: ${JSON.stringify(server.logs.map((l) => l.message.split('\n')[0]))}`);
    await server.waitForDiagnostics((p) => p.uri === uri && p.version === 2, { from: mark, what: 'diagnostics v2' });
    const { code } = await server.shutdownAndExit();
    assert.equal(code, 0);
  });
});
