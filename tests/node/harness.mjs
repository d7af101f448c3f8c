// A minimal LSP client built on Microsoft's vscode-languageserver-protocol / vscode-jsonrpc (the stack
// VS Code itself uses), driving the real PaperLsp server binary over the child process's stdio.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root: this file lives in <repo>/tests/node. */
export const repoRoot = path.resolve(here, '..', '..');
export const defaultDll = path.join(repoRoot, 'server', 'PaperLsp.Cli', 'bin', 'Release', 'net10.0', 'paperlsp.dll');
export const serverDll = process.env.PAPERLSP_SERVER_DLL ? path.resolve(process.env.PAPERLSP_SERVER_DLL) : defaultDll;
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

/**
 * Makes sure the server dll exists: builds server/PaperLsp.Cli when it is missing (a clean clone after
 * `dotnet test` has the dll; one without it gets a build here). An explicit PAPERLSP_SERVER_DLL is never built.
 */
export function ensureServerBuilt() {
  if (existsSync(serverDll)) return;
  if (process.env.PAPERLSP_SERVER_DLL) throw new Error(`PAPERLSP_SERVER_DLL points at a missing file: ${serverDll}`);
  const build = spawnSync('dotnet', ['build', 'server/PaperLsp.Cli', '-c', 'Release', '--nologo', '-v', 'quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 8 * 60 * 1000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  if (build.status !== 0 || !existsSync(serverDll)) {
    throw new Error(`dotnet build server/PaperLsp.Cli failed (status ${build.status}, ${build.error ?? 'no spawn error'}):\n${build.stdout}\n${build.stderr}`);
  }
}

/** A seed digest from <repo>/../shared/seeds, or a reason to skip when it is not there. */
export function seed(name) {
  const file = path.join(seedsDir, name);
  if (!existsSync(file)) return { missing: `seed ${name} not found in ${seedsDir}` };
  return { file, uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

/** Client capabilities in the shape VS Code sends them, with the knobs these tests turn. */
export function clientCapabilities({ pull = false, encodings = ['utf-16'], hierarchical = true } = {}) {
  const caps = {
    general: { positionEncodings: encodings },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: hierarchical },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    },
    window: { workDoneProgress: false },
  };
  if (pull) caps.textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  return caps;
}

/** One server process and the protocol connection to it. */
export class Server {
  constructor() {
    this.root = mkdtempSync(path.join(os.tmpdir(), 'paperlsp-node-'));
    this.child = spawn('dotnet', [serverDll, 'lsp'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    });
    this.stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => { this.stderr += chunk; });
    // Writing to a process that has exited is the test's concern, not a crash of the test runner.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onError(() => {});
    /** Every textDocument/publishDiagnostics, in arrival order. */
    this.published = [];
    /** Every window/logMessage. */
    this.logs = [];
    this.waiters = new Set();
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.#wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    this.connection.listen();
  }

  #wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** initialize + initialized; returns the InitializeResult. */
  async initialize(capabilities = clientCapabilities(), { initialized = true } = {}) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'paperlsp-node-e2e', version: '0.0.0' },
      // An empty workspace folder of its own: the server indexes its folder, and the repository's samples
      // would take part in the duplicate checks.
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: null,
      capabilities,
    });
    if (initialized) await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves with the first publishDiagnostics (from `from` on) that satisfies `predicate`. */
  waitForDiagnostics(predicate, { from = 0, timeoutMs = 10000, what = 'publishDiagnostics' } = {}) {
    return new Promise((resolve, reject) => {
      let timer;
      const check = () => {
        for (let i = from; i < this.published.length; i++) {
          if (predicate(this.published[i])) {
            clearTimeout(timer);
            this.waiters.delete(check);
            resolve(this.published[i]);
            return;
          }
        }
      };
      timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.published.slice(from).map((p) => `${p.uri} v${p.version} (${p.diagnostics.length})`);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got: ${JSON.stringify(seen)}\nserver stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** The latest diagnostics published for each uri. */
  latestByUri() {
    const latest = new Map();
    for (const p of this.published) latest.set(p.uri, p);
    return latest;
  }

  /** shutdown + exit, and the process's exit code. */
  async shutdownAndExit() {
    const result = await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return { result, ...(await this.waitForExit()) };
  }

  /** Resolves with { code, signal } when the process ends, or rejects after `timeoutMs`. */
  async waitForExit(timeoutMs = 10000) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server did not exit within ${timeoutMs} ms\nserver stderr:\n${this.stderr}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the connection, and the process if it is still running (only ever this test's own child). */
  async dispose() {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Runs `body` with a fresh server and always ends that server's process afterwards. */
export async function withServer(body) {
  const server = new Server();
  try {
    return await body(server);
  } finally {
    await server.dispose();
    rmSync(server.root, { recursive: true, force: true });
  }
}

/** 0-based line `n` of `text` (without its line break). */
export function lineOf(text, n) {
  return text.split(/\r\n|\n|\r/)[n];
}
