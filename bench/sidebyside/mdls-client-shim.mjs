#!/usr/bin/env node
// mdls-client-shim.mjs: stands between a plain LSP client (../shared/bench/lspbench.py,
// bench/sidebyside/ws_symbol.py) and VS Code's Markdown language server, and does the work
// that VS Code's Markdown extension does for that server on the client side.
//
// The server (vscode-markdown-languageserver) does not tokenize Markdown itself: it sends the
// client `markdown/parse` requests and expects markdown-it tokens back, and it reads the
// workspace through `markdown/fs/*` and `markdown/findMarkdownFilesInWorkspace` requests.
// Here those requests are answered like VS Code's client answers them: markdown-it 14 with
// `html` and `linkify`, tokens cached per document version, file contents as an array of byte
// values. Every other message passes through unchanged, in both directions.
//
// The cost of tokenizing lands in this process, so a client that times requests counts it
// (as VS Code users wait for it too, in the extension host) and should report the memory of
// this process and the server's together.
//
// Usage: node mdls-client-shim.mjs --modules NODE_MODULES_DIR -- node .../workerMain.js --stdio

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
if (dashes < 0 || dashes === args.length - 1) {
  process.stderr.write('usage: mdls-client-shim.mjs [--modules DIR] -- SERVER COMMAND...\n');
  process.exit(2);
}
const own = args.slice(0, dashes);
const serverArgv = args.slice(dashes + 1);
const modules = own.includes('--modules') ? own[own.indexOf('--modules') + 1] : join(process.cwd(), 'node_modules');
const requireFrom = createRequire(join(resolve(modules), 'index.js'));
const markdownIt = requireFrom('markdown-it')({ html: true, linkify: true });
const { TextDocument } = requireFrom('vscode-languageserver-textdocument');

const open = new Map();        // uri -> TextDocument, kept in step with didOpen/didChange/didClose
const tokensOf = new Map();    // uri -> { version, tokens }
let roots = [];                // workspace folder URIs from initialize

const server = spawn(serverArgv[0], serverArgv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.stdin.on('end', () => server.stdin.end());

/**
 * Splits a byte stream into LSP messages. Chunks are kept in a list and joined once per
 * message, so a 200 MB didOpen costs one copy instead of one per chunk.
 */
function messages(onMessage) {
  let parts = [];
  let have = 0;
  let frameEnd = -1;     // header + body length of the message being read, once the header is known
  let bodyStart = 0;
  const joined = () => {
    if (parts.length > 1) parts = [Buffer.concat(parts, have)];
    return parts[0];
  };
  return (chunk) => {
    parts.push(chunk);
    have += chunk.length;
    while (have > 0) {
      if (frameEnd < 0) {
        const buf = joined();
        const blank = buf.indexOf('\r\n\r\n');
        if (blank < 0) return;
        const header = buf.subarray(0, blank).toString('ascii');
        const length = /content-length\s*:\s*(\d+)/i.exec(header);
        bodyStart = blank + 4;
        frameEnd = bodyStart + (length ? Number(length[1]) : 0);
      }
      if (have < frameEnd) return;
      const buf = joined();
      const frame = buf.subarray(0, frameEnd);
      const body = buf.subarray(bodyStart, frameEnd);
      const rest = buf.subarray(frameEnd);
      parts = rest.length > 0 ? [rest] : [];
      have = rest.length;
      frameEnd = -1;
      onMessage(frame, body);
    }
  };
}

function encode(message) {
  let json;
  try {
    json = JSON.stringify(message);
  } catch (e) {
    // A 200 MB document's token array is longer than V8's longest string once serialised
    // (RangeError: Invalid string length). Answer an error, as a failing client would.
    process.stderr.write(`mdls-client-shim: cannot send ${message.id !== undefined ? 'response ' + message.id : 'message'}: ${e.message}\n`);
    json = JSON.stringify({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: `client could not serialise the result: ${e.message}` } });
  }
  const body = Buffer.from(json, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const methodOf = (body) => /"method"\s*:\s*"([^"]*)"/.exec(body.subarray(0, 256).toString('utf8'))?.[1];

// Client -> server: forward at once, then follow the documents.
process.stdin.on('data', messages((frame, body) => {
  server.stdin.write(frame);
  const method = methodOf(body);
  if (method !== 'initialize' && !method?.startsWith('textDocument/did')) return;
  const params = JSON.parse(body.toString('utf8')).params ?? {};
  if (method === 'initialize') {
    roots = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (roots.length === 0 && params.rootUri) roots = [params.rootUri];
  } else if (method === 'textDocument/didOpen') {
    const d = params.textDocument;
    open.set(d.uri, TextDocument.create(d.uri, d.languageId, d.version, d.text));
  } else if (method === 'textDocument/didChange') {
    const doc = open.get(params.textDocument.uri);
    if (doc) TextDocument.update(doc, params.contentChanges, params.textDocument.version);
  } else if (method === 'textDocument/didClose') {
    open.delete(params.textDocument.uri);
    tokensOf.delete(params.textDocument.uri);
  }
}));

// Server -> client: answer the markdown/* requests here, pass everything else on.
server.stdout.on('data', messages((frame, body) => {
  if (!methodOf(body)?.startsWith('markdown/')) {
    process.stdout.write(frame);
    return;
  }
  const message = JSON.parse(body.toString('utf8'));
  let reply;
  try {
    reply = { jsonrpc: '2.0', id: message.id, result: answer(message.method, message.params ?? {}) };
  } catch (e) {
    reply = { jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(e?.message ?? e) } };
  }
  if (message.id !== undefined) server.stdin.write(encode(reply));
}));

function tokens(uri, text) {
  if (text !== undefined) return markdownIt.parse(text, {});
  const doc = open.get(uri);
  if (!doc) {
    try {
      return markdownIt.parse(readFileSync(fileURLToPath(uri), 'utf8'), {});
    } catch {
      return [];
    }
  }
  const cached = tokensOf.get(uri);
  if (cached?.version === doc.version) return cached.tokens;
  const fresh = markdownIt.parse(doc.getText(), {});
  tokensOf.set(uri, { version: doc.version, tokens: fresh });
  return fresh;
}

function markdownFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (/\.(md|markdown|mdown|mkd)$/i.test(entry.name)) {
        found.push(pathToFileURL(full).href);
      }
    }
  };
  for (const root of roots) walk(fileURLToPath(root));
  return found;
}

function answer(method, params) {
  switch (method) {
    case 'markdown/parse':
      return tokens(params.uri, params.text);
    case 'markdown/fs/readFile':
      return Array.from(readFileSync(fileURLToPath(params.uri)));
    case 'markdown/fs/stat':
      try {
        return { isDirectory: statSync(fileURLToPath(params.uri)).isDirectory() };
      } catch {
        return null;
      }
    case 'markdown/fs/readDirectory':
      return readdirSync(fileURLToPath(params.uri), { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]);
    case 'markdown/findMarkdownFilesInWorkspace':
      return markdownFiles();
    default:
      // markdown/fs/watcher/*, link and rename helpers: nothing to do for a benchmark.
      return null;
  }
}
