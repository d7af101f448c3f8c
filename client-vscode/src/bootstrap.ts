// Finding the server and the runtime that runs it (pure: the file system and the environment
// come in as arguments, so the rules are unit-tested without VS Code).
//
// Order, as in rust-analyzer's bootstrap: the environment variable PAPERLSP_SERVER_PATH, then the
// setting paperDigest.server.path, then the copy bundled inside the extension. An explicit path
// that does not exist is an error, never a silent fallback to the bundled copy.
import * as path from 'node:path';

export const SERVER_ENV = 'PAPERLSP_SERVER_PATH';
export const SERVER_DLL = 'paperlsp.dll';

/** What the probes need from the machine. */
export interface Probe {
  /** true when the path is an existing regular file */
  isFile(p: string): boolean;
  /** true when the path is an existing directory */
  isDirectory(p: string): boolean;
}

export type ServerSource = 'environment' | 'setting' | 'bundled';

/** A located server: either a .dll run with dotnet, or an executable run by itself. */
export interface ServerLocation {
  source: ServerSource;
  /** the file found: paperlsp.dll, or an executable such as paperlsp */
  path: string;
  /** true when the file is a .dll that `dotnet` must run */
  needsDotnet: boolean;
}

export interface LocateInput {
  env: Record<string, string | undefined>;
  /** paperDigest.server.path as configured ("" when unset) */
  setting: string;
  /** the extension's own folder; the bundled server is <extension>/server/paperlsp.dll */
  extensionPath: string;
  /** the first workspace folder, to resolve a relative setting against */
  workspaceFolder?: string;
  /** the home directory, to expand a leading ~ */
  home: string;
}

export type LocateResult = { ok: true; server: ServerLocation } | { ok: false; message: string };

/** Expands ~ and resolves a relative path against the workspace folder (or leaves it relative). */
export function expandPath(p: string, home: string, base?: string): string {
  let out = p.trim();
  if (out === '~') out = home;
  else if (out.startsWith('~/') || out.startsWith('~\\')) out = path.join(home, out.slice(2));
  if (!path.isAbsolute(out) && base) out = path.resolve(base, out);
  return out;
}

/** A path given by the user: the dll, a folder holding it, or an executable. */
function fromUserPath(p: string, source: ServerSource, probe: Probe): LocateResult {
  const where = source === 'environment' ? `the environment variable ${SERVER_ENV}` : 'the setting paperDigest.server.path';
  if (probe.isDirectory(p)) {
    const dll = path.join(p, SERVER_DLL);
    if (probe.isFile(dll)) return { ok: true, server: { source, path: dll, needsDotnet: true } };
    return { ok: false, message: `${where} names the folder ${p}, which holds no ${SERVER_DLL}.` };
  }
  if (probe.isFile(p)) return { ok: true, server: { source, path: p, needsDotnet: p.toLowerCase().endsWith('.dll') } };
  return { ok: false, message: `${where} names ${p}, which does not exist.` };
}

export function locateServer(input: LocateInput, probe: Probe): LocateResult {
  const fromEnv = input.env[SERVER_ENV]?.trim();
  if (fromEnv) return fromUserPath(expandPath(fromEnv, input.home, input.workspaceFolder), 'environment', probe);
  const fromSetting = input.setting.trim();
  if (fromSetting) return fromUserPath(expandPath(fromSetting, input.home, input.workspaceFolder), 'setting', probe);
  const bundled = path.join(input.extensionPath, 'server', SERVER_DLL);
  if (probe.isFile(bundled)) return { ok: true, server: { source: 'bundled', path: bundled, needsDotnet: true } };
  return {
    ok: false,
    message: `The PaperLsp server is not bundled with this extension (no ${bundled}). ` +
      `Set paperDigest.server.path (or ${SERVER_ENV}) to a paperlsp.dll, or reinstall the extension from a .vsix built with \`npm run package\`.`,
  };
}

/**
 * Finds `dotnet`: $DOTNET_HOST_PATH (set by the SDK for its child processes), then $DOTNET_ROOT,
 * then each folder of $PATH. Returns undefined when there is none.
 */
export function findDotnet(env: Record<string, string | undefined>, probe: Probe, platform: string = process.platform): string | undefined {
  const exe = platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const candidates: string[] = [];
  if (env.DOTNET_HOST_PATH) candidates.push(env.DOTNET_HOST_PATH);
  if (env.DOTNET_ROOT) candidates.push(path.join(env.DOTNET_ROOT, exe));
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) if (dir) candidates.push(path.join(dir, exe));
  return candidates.find(c => probe.isFile(c));
}

export const DOTNET_MISSING =
  'Paper Digest needs the .NET 10 runtime to run its language server, and `dotnet` was not found on PATH ' +
  '(nor in DOTNET_ROOT). Install .NET 10 from https://dot.net, make sure `dotnet --info` works in a terminal, ' +
  'then run "Paper Digest: Restart Server".';

/** The command line that starts the server on stdio. */
export function serverCommand(server: ServerLocation, dotnet: string | undefined): { command: string; args: string[] } | undefined {
  if (!server.needsDotnet) return { command: server.path, args: ['lsp'] };
  if (!dotnet) return undefined;
  return { command: dotnet, args: [server.path, 'lsp'] };
}
