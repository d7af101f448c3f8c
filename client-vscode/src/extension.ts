// Entry point: builds the context, registers the commands, starts the server, and returns the
// small API that other extensions (and the end-to-end self-test) use.
import * as vscode from 'vscode';
import { exportOutline, goToNextDuplicate, openLinkedRepo, showDuplicates } from './commands';
import { Ctx } from './ctx';
import type { ServerState } from './status';

export interface PaperDigestApi {
  /** the server's state as the status bar shows it */
  readonly state: ServerState;
  readonly statusText: string;
  readonly onDidChangeState: vscode.Event<ServerState>;
  /** resolves once the server runs; rejects when it could not start */
  whenReady(): Promise<void>;
  /** the http(s) links the server had VS Code open externally */
  readonly openedExternally: readonly string[];
  /** where the running server came from: "bundled", "setting" or "environment" */
  readonly serverSource: string | undefined;
}

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): PaperDigestApi {
  const c = new Ctx(context);
  ctx = c;
  context.subscriptions.push(
    c,
    vscode.commands.registerCommand('paperDigest.restartServer', () => c.restart()),
    vscode.commands.registerCommand('paperDigest.showLog', () => c.output.show(true)),
    vscode.commands.registerCommand('paperDigest.openLinkedRepo', () => openLinkedRepo(c)),
    vscode.commands.registerCommand('paperDigest.showDuplicates', () => showDuplicates()),
    vscode.commands.registerCommand('paperDigest.nextDuplicate', () => goToNextDuplicate()),
    vscode.commands.registerCommand('paperDigest.exportOutline', () => exportOutline()),
  );
  void c.start();
  return {
    get state() { return c.state; },
    get statusText() { return c.statusItem.text; },
    onDidChangeState: c.onDidChangeState,
    whenReady: () => c.whenReady(),
    get openedExternally() { return c.openedExternally; },
    get serverSource() { return c.server?.source; },
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
