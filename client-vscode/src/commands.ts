// The commands of the command palette. Each returns what it did, so the end-to-end self-test
// can check the effect as well as the UI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, type Ctx } from './ctx';
import { copiesAt, nextDuplicate, type DupDiagnostic, type Loc } from './duplicates';
import { outlineToMarkdown, type OutlineNode } from './outline';

function digestEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage('Paper Digest: open a paper digest first.');
  return undefined;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function toDup(d: vscode.Diagnostic): DupDiagnostic {
  return {
    code: codeOf(d),
    startLine: d.range.start.line,
    startCharacter: d.range.start.character,
    endLine: d.range.end.line,
    related: (d.relatedInformation ?? []).map(r => ({ uri: r.location.uri.toString(), line: r.location.range.start.line, character: r.location.range.start.character })),
  };
}

function duplicateDiagnostics(uri: vscode.Uri): DupDiagnostic[] {
  return vscode.languages.getDiagnostics(uri).map(toDup);
}

function toLocation(l: Loc): vscode.Location {
  const p = new vscode.Position(l.line, l.character);
  return new vscode.Location(vscode.Uri.parse(l.uri), p);
}

export async function openLinkedRepo(ctx: Ctx): Promise<boolean> {
  const editor = digestEditor();
  if (!editor) return false;
  const opened = await ctx.openLinkedRepo(editor.document.uri, editor.selection.active);
  if (!opened) void vscode.window.showInformationMessage('Paper Digest: the paper at the cursor links no repository, project page or paper page.');
  return opened;
}

export async function showDuplicates(): Promise<vscode.Location[]> {
  const editor = digestEditor();
  if (!editor) return [];
  const uri = editor.document.uri;
  const copies = copiesAt(uri.toString(), duplicateDiagnostics(uri), editor.selection.active).map(toLocation);
  if (copies.length < 2) {
    void vscode.window.showInformationMessage('Paper Digest: the paper at the cursor has no known duplicate.');
    return [];
  }
  await vscode.commands.executeCommand('editor.action.showReferences', uri, editor.selection.active, copies);
  return copies;
}

export async function goToNextDuplicate(): Promise<vscode.Location | undefined> {
  const editor = digestEditor();
  if (!editor) return undefined;
  const uri = editor.document.uri;
  const next = nextDuplicate(uri.toString(), duplicateDiagnostics(uri), editor.selection.active);
  if (!next) {
    void vscode.window.showInformationMessage('Paper Digest: no duplicate paper in this digest.');
    return undefined;
  }
  const loc = toLocation(next);
  const target = await vscode.window.showTextDocument(loc.uri, { preview: false });
  target.selection = new vscode.Selection(loc.range.start, loc.range.start);
  target.revealRange(loc.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return loc;
}

function toOutline(symbols: vscode.DocumentSymbol[]): OutlineNode[] {
  return symbols.map(s => ({
    name: s.name,
    detail: s.detail || undefined,
    line: s.selectionRange.start.line,
    isSection: s.kind === vscode.SymbolKind.Namespace,
    children: toOutline(s.children ?? []),
  }));
}

export async function exportOutline(): Promise<vscode.TextDocument | undefined> {
  const editor = digestEditor();
  if (!editor) return undefined;
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri);
  const nodes = toOutline((symbols ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s));
  const content = outlineToMarkdown(path.basename(editor.document.uri.path), nodes);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return doc;
}
