// The "Paper Digest Trace" channel, driven by the setting paperDigest.trace.server.
//
// vscode-languageclient 10+ traces only when its trace channel's *log level* is Trace (a level the
// user sets with "Developer: Set Log Level", not a setting), and then treats trace.server "off" as
// "messages". This adapter gives the client a LogOutputChannel whose level follows the setting:
// Trace for "messages" and "verbose", Off for "off", with a change event when the setting changes.
import * as vscode from 'vscode';
import { SECTION, traceLevel } from './config';
import { settingsGetter } from './settings';

export function channelLevel(trace: 'off' | 'messages' | 'verbose'): vscode.LogLevel {
  return trace === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
}

export class SettingTraceChannel implements vscode.LogOutputChannel {
  readonly name = 'Paper Digest Trace';
  private readonly out = vscode.window.createOutputChannel(this.name);
  private readonly levelEmitter = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelEmitter.event;
  private level = channelLevel(traceLevel(settingsGetter()));
  private readonly watcher = vscode.workspace.onDidChangeConfiguration(e => {
    if (!e.affectsConfiguration(`${SECTION}.trace.server`)) return;
    this.level = channelLevel(traceLevel(settingsGetter()));
    this.levelEmitter.fire(this.level);
  });

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  private write(tag: string, message: string | Error): void {
    if (this.level === vscode.LogLevel.Off) return;
    const text = message instanceof Error ? message.stack ?? message.message : message;
    this.out.appendLine(tag ? `[${tag}] ${text}` : text);
  }

  trace(message: string): void { this.write('', message); }
  debug(message: string): void { this.write('debug', message); }
  info(message: string): void { this.write('info', message); }
  warn(message: string): void { this.write('warning', message); }
  error(error: string | Error): void { this.write('error', error); }
  append(value: string): void { this.out.append(value); }
  appendLine(value: string): void { this.out.appendLine(value); }
  replace(value: string): void { this.out.replace(value); }
  clear(): void { this.out.clear(); }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.out.show(columnOrPreserveFocus);
    else this.out.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void { this.out.hide(); }
  dispose(): void {
    this.watcher.dispose();
    this.levelEmitter.dispose();
    this.out.dispose();
  }
}
