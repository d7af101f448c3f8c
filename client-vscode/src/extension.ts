// Entry point: builds the context, registers the commands, starts the server, and returns the
// small API that other extensions (and the end-to-end self-test) use.
import * as vscode from 'vscode';
import { exportOutline, goToNextDuplicate, openLinkedRepo, showDuplicates } from './commands';
import { Ctx, LANGUAGE_ID } from './ctx';
import { isTxtDigest } from './sniff';
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
  let started = false;
  context.subscriptions.push(
    c,
    vscode.commands.registerCommand('paperDigest.restartServer', () => { started = true; return c.restart(); }),
    vscode.commands.registerCommand('paperDigest.showLog', () => c.output.show(true)),
    vscode.commands.registerCommand('paperDigest.openLinkedRepo', () => openLinkedRepo(c)),
    vscode.commands.registerCommand('paperDigest.showDuplicates', () => showDuplicates()),
    vscode.commands.registerCommand('paperDigest.nextDuplicate', () => goToNextDuplicate()),
    vscode.commands.registerCommand('paperDigest.exportOutline', () => exportOutline()),
  );

  // .txt digests: VS Code gives them to Plain Text; claim those whose first line is page boilerplate.
  const claim = (doc: vscode.TextDocument): void => {
    if (isTxtDigest(doc.languageId, doc.fileName, doc.lineCount > 0 ? doc.lineAt(0).text : '')) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(claim));
  vscode.workspace.textDocuments.forEach(claim);

  // The server starts with the first digest: at once in a workspace that has digest files or an
  // open digest, else when one is opened (the extension also activates for any plain-text file).
  const startOnce = (): void => { if (!started) { started = true; void c.start(); } };
  if (vscode.workspace.textDocuments.some(d => d.languageId === LANGUAGE_ID)) startOnce();
  const opened = vscode.workspace.onDidOpenTextDocument(d => { if (d.languageId === LANGUAGE_ID) { opened.dispose(); startOnce(); } });
  context.subscriptions.push(opened);
  void vscode.workspace.findFiles('**/*.{digest,papers,digest.md}', '**/node_modules/**', 1).then(found => { if (found.length > 0) startOnce(); });
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
