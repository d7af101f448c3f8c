// Section paperDigest read from VS Code's configuration, as the pure modules' Getter.
import * as vscode from 'vscode';
import { SECTION, type Getter, type SettingKey } from './config';

export function settingsGetter(): Getter {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return (key: SettingKey) => cfg.get(key);
}
