// The extension's context, after rust-analyzer's ctx.ts: one object owning the language client,
// the status bar item, the log and trace output channels, and the start / stop / restart cycle.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type LanguageClientOptions,
  type ResponseError,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DOTNET_MISSING, findDotnet, locateServer, serverCommand, type Probe, type ServerLocation } from './bootstrap';
import { SECTION, configurationItem, restartNeeded, serverSettings, type ServerSettings } from './config';
import { settingsGetter } from './settings';
import { ProgressTracker, statusView, type ServerState, type WorkDoneValue } from './status';
import { SettingTraceChannel } from './traceChannel';

export const LANGUAGE_ID = 'paper-digest';
export const OPEN_REPO_COMMAND = 'paperlsp.openLinkedRepo';

const probe: Probe = {
  isFile: p => { try { return fs.statSync(p).isFile(); } catch { return false; } },
  isDirectory: p => { try { return fs.statSync(p).isDirectory(); } catch { return false; } },
};


function stringSetting(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Paper Digest', { log: true });
  readonly traceOutput = new SettingTraceChannel();
  readonly statusItem = vscode.window.createStatusBarItem('paperDigest.status', vscode.StatusBarAlignment.Left, 0);
  /** http(s) links the server asked VS Code to open externally (window/showDocument), newest last. */
  readonly openedExternally: string[] = [];
  server: ServerLocation | undefined;
  private clientValue: LanguageClient | undefined;
  private base: ServerState = { kind: 'stopped' };
  private readonly progress = new ProgressTracker();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.statusItem.name = 'Paper Digest';
    this.statusItem.command = 'paperDigest.showLog';
    this.render();
    this.statusItem.show();
    this.disposables.push(vscode.workspace.onDidChangeConfiguration(e => this.onConfigurationChanged(e)));
  }

  get client(): LanguageClient | undefined {
    return this.clientValue;
  }

  get state(): ServerState {
    return this.progress.state(this.base);
  }

  /** Resolves once the server is running (rejects when it fails to start). */
  async whenReady(): Promise<void> {
    if (this.base.kind === 'ready') return;
    if (this.base.kind === 'error') throw new Error(this.base.message);
    await new Promise<void>((resolve, reject) => {
      const sub = this.onDidChangeState(s => {
        if (s.kind === 'ready' || s.kind === 'indexing') { sub.dispose(); resolve(); }
        else if (s.kind === 'error') { sub.dispose(); reject(new Error(s.message)); }
      });
    });
  }

  private setBase(state: ServerState): void {
    this.base = state;
    if (state.kind !== 'ready') this.progress.clear();
    this.render();
  }

  private render(): void {
    const view = statusView(this.state);
    this.statusItem.text = view.text;
    this.statusItem.tooltip = view.tooltip;
    this.statusItem.backgroundColor = view.background ? new vscode.ThemeColor(view.background) : undefined;
    this.stateEmitter.fire(this.state);
  }

  currentSettings(): ServerSettings {
    return serverSettings(settingsGetter());
  }

  async start(): Promise<void> {
    if (this.clientValue) return;
    this.setBase({ kind: 'starting' });
    const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file')?.uri.fsPath;
    const located = locateServer({
      env: process.env,
      setting: stringSetting(settingsGetter()('server.path')),
      extensionPath: this.extension.extensionPath,
      workspaceFolder: folder,
      home: os.homedir(),
    }, probe);
    if (!located.ok) return this.fail(located.message, 'Open Settings');
    this.server = located.server;
    const dotnet = located.server.needsDotnet ? findDotnet(process.env, probe) : undefined;
    const cmd = serverCommand(located.server, dotnet);
    if (!cmd) return this.fail(DOTNET_MISSING, 'Install .NET');
    this.output.info(`Starting ${cmd.command} ${cmd.args.join(' ')} (server from the ${located.server.source === 'bundled' ? 'extension' : located.server.source})`);

    const serverOptions: ServerOptions = { command: cmd.command, args: cmd.args, options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      initializationOptions: { [SECTION]: this.currentSettings() },
      // Hovers carry escaped digest text; nothing in them may run commands or render HTML.
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        // Opening or closing a digest changes the duplicates of the other open digests, and the
        // server does not ask for a re-pull (workspace/diagnostic/refresh), so the client does.
        didOpen: async (document, next) => { await next(document); this.refreshDiagnosticsSoon(); },
        didClose: async (document, next) => { await next(document); this.refreshDiagnosticsSoon(); },
        workspace: {
          configuration: async (params, token, next) => {
            const settings = this.currentSettings();
            const answers = params.items.map(item => configurationItem(settings, item.section));
            if (answers.every(a => a !== undefined)) return answers;
            const fallback: unknown = await next(params, token);
            if (!Array.isArray(fallback)) return fallback as ResponseError<void>;
            const others = fallback as unknown[];
            return answers.map((a, i) => (a === undefined ? others[i] : a));
          },
        },
        window: {
          showDocument: async (params, token, next) => {
            if (params.external) {
              this.output.info(`Opening ${params.uri} in the browser`);
              this.openedExternally.push(params.uri);
            }
            return next(params, token);
          },
        },
      },
    };
    const client = new LanguageClient('paperDigest', 'Paper Digest', serverOptions, clientOptions);
    this.clientValue = client;
    client.onDidChangeState(e => {
      if (e.newState === State.Running) this.setBase({ kind: 'ready' });
      else if (e.newState === State.Starting) this.setBase({ kind: 'starting' });
      else if (this.base.kind !== 'error') this.setBase({ kind: 'stopped' });
    });
    try {
      await client.start();
    } catch (e) {
      this.clientValue = undefined;
      return this.fail(`The PaperLsp server did not start: ${e instanceof Error ? e.message : String(e)}`, 'Open Log');
    }
    // Our own handler for server-created progress ("Indexing N of M digests"): the status bar shows it.
    client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const sub = client.onProgress(WorkDoneProgress.type, token, (value: WorkDoneValue) => {
        this.progress.update(token, value);
        if (value.kind === 'end') sub.dispose();
        this.render();
      });
    });
    this.setBase({ kind: 'ready' });
  }

  private fail(message: string, action: 'Open Settings' | 'Install .NET' | 'Open Log'): void {
    this.output.info(message);
    this.setBase({ kind: 'error', message });
    void vscode.window.showErrorMessage(`Paper Digest: ${message}`, action, 'Open Log').then(choice => {
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.server.path`);
      else if (choice === 'Install .NET') void vscode.env.openExternal(vscode.Uri.parse('https://dot.net'));
      else if (choice === 'Open Log') this.output.show(true);
    });
  }

  private refreshTimer: NodeJS.Timeout | undefined;

  /** Re-pulls the diagnostics of every open digest, once for a burst of opens and closes. */
  refreshDiagnosticsSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const client = this.clientValue;
      if (client?.isRunning()) client.getFeature(DocumentDiagnosticRequest.method)?.refresh();
    }, 150);
  }

  async stop(): Promise<void> {
    const client = this.clientValue;
    this.clientValue = undefined;
    if (client) {
      try { await client.stop(5000); } catch (e) { this.output.info(`Stopping the server: ${String(e)}`); }
      await client.dispose();
    }
    this.setBase({ kind: 'stopped' });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Asks the server to open the repository of the paper at the position; true when it did. */
  async openLinkedRepo(uri: vscode.Uri, position: vscode.Position): Promise<boolean> {
    const client = this.clientValue;
    if (!client) throw new Error('the PaperLsp server is not running');
    const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
      command: OPEN_REPO_COMMAND,
      arguments: [client.code2ProtocolConverter.asUri(uri), client.code2ProtocolConverter.asPosition(position)],
    });
    return result === true;
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration(SECTION)) return;
    const restart = restartNeeded(k => e.affectsConfiguration(k));
    if (restart.length > 0) {
      void vscode.window.showInformationMessage(
        `Paper Digest: ${restart.map(k => `${SECTION}.${k}`).join(', ')} changed; the server must restart to use it. Restart now?`,
        'Restart now',
      ).then(choice => { if (choice === 'Restart now') void this.restart(); });
      return;
    }
    const client = this.clientValue;
    if (client?.isRunning()) {
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: this.currentSettings() } })
        .then(() => this.refreshDiagnosticsSoon());
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.statusItem.dispose();
    this.stateEmitter.dispose();
    this.output.dispose();
    this.traceOutput.dispose();
  }
}
