import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DOTNET_MISSING, SERVER_ENV, expandPath, findDotnet, locateServer, serverCommand, type LocateInput, type Probe } from '../src/bootstrap';

/** A fake file system: the listed files exist, and every parent folder of them. */
function fakeFs(files: string[]): Probe {
  const dirs = new Set<string>();
  for (const f of files) for (let d = path.dirname(f); !dirs.has(d); d = path.dirname(d)) { dirs.add(d); if (d === path.dirname(d)) break; }
  return { isFile: p => files.includes(p), isDirectory: p => dirs.has(p) };
}

const ext = '/ext/paper-digest';
const bundled = `${ext}/server/paperlsp.dll`;
const input = (over: Partial<LocateInput> = {}): LocateInput => ({ env: {}, setting: '', extensionPath: ext, workspaceFolder: '/ws', home: '/u-home', ...over });

describe('locateServer', () => {
  it('uses the bundled copy when nothing else is set', () => {
    const r = locateServer(input(), fakeFs([bundled]));
    assert.deepEqual(r, { ok: true, server: { source: 'bundled', path: bundled, needsDotnet: true } });
  });

  it('prefers the environment variable to the setting and the bundled copy', () => {
    const r = locateServer(input({ env: { [SERVER_ENV]: '/opt/a/paperlsp.dll' }, setting: '/opt/b/paperlsp.dll' }), fakeFs(['/opt/a/paperlsp.dll', '/opt/b/paperlsp.dll', bundled]));
    assert.ok(r.ok);
    assert.equal(r.server.source, 'environment');
    assert.equal(r.server.path, '/opt/a/paperlsp.dll');
  });

  it('prefers the setting to the bundled copy', () => {
    const r = locateServer(input({ setting: '/opt/b/paperlsp.dll' }), fakeFs(['/opt/b/paperlsp.dll', bundled]));
    assert.ok(r.ok);
    assert.equal(r.server.source, 'setting');
  });

  it('ignores a blank environment variable and a blank setting', () => {
    const r = locateServer(input({ env: { [SERVER_ENV]: '  ' }, setting: ' ' }), fakeFs([bundled]));
    assert.ok(r.ok);
    assert.equal(r.server.source, 'bundled');
  });

  it('accepts a folder holding paperlsp.dll', () => {
    const r = locateServer(input({ setting: '/opt/pub' }), fakeFs(['/opt/pub/paperlsp.dll']));
    assert.deepEqual(r, { ok: true, server: { source: 'setting', path: '/opt/pub/paperlsp.dll', needsDotnet: true } });
  });

  it('runs an executable that is not a .dll by itself', () => {
    const r = locateServer(input({ setting: '/usr/local/bin/paperlsp' }), fakeFs(['/usr/local/bin/paperlsp']));
    assert.ok(r.ok);
    assert.equal(r.server.needsDotnet, false);
    assert.deepEqual(serverCommand(r.server, undefined), { command: '/usr/local/bin/paperlsp', args: ['lsp'] });
  });

  it('resolves ~ and paths relative to the workspace folder', () => {
    assert.equal(expandPath('~/pl/paperlsp.dll', '/u-home'), path.join('/u-home', 'pl/paperlsp.dll'));
    assert.equal(expandPath('tools/paperlsp.dll', '/u-home', '/ws'), '/ws/tools/paperlsp.dll');
    const r = locateServer(input({ setting: 'tools' }), fakeFs(['/ws/tools/paperlsp.dll']));
    assert.ok(r.ok);
    assert.equal(r.server.path, '/ws/tools/paperlsp.dll');
  });

  it('reports a missing explicit path instead of falling back to the bundled copy', () => {
    const env = locateServer(input({ env: { [SERVER_ENV]: '/nope/paperlsp.dll' } }), fakeFs([bundled]));
    assert.equal(env.ok, false);
    assert.match(!env.ok ? env.message : '', /PAPERLSP_SERVER_PATH names \/nope\/paperlsp.dll, which does not exist/);
    const setting = locateServer(input({ setting: '/nope' }), fakeFs([bundled]));
    assert.match(!setting.ok ? setting.message : '', /paperDigest\.server\.path names \/nope/);
  });

  it('reports a folder without the server in it', () => {
    const r = locateServer(input({ setting: '/opt' }), fakeFs(['/opt/other.dll']));
    assert.match(!r.ok ? r.message : '', /folder \/opt, which holds no paperlsp\.dll/);
  });

  it('says what to do when nothing is bundled', () => {
    const r = locateServer(input(), fakeFs([]));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /not bundled.*paperDigest\.server\.path.*npm run package/s);
  });
});

describe('findDotnet and serverCommand', () => {
  it('finds dotnet on PATH, in order', () => {
    const fs = fakeFs(['/b/dotnet', '/c/dotnet']);
    assert.equal(findDotnet({ PATH: '/a:/b:/c' }, fs, 'linux'), '/b/dotnet');
  });

  it('prefers DOTNET_HOST_PATH, then DOTNET_ROOT, to PATH', () => {
    const fs = fakeFs(['/host/dotnet', '/dnroot/dotnet', '/b/dotnet']);
    assert.equal(findDotnet({ DOTNET_HOST_PATH: '/host/dotnet', DOTNET_ROOT: '/dnroot', PATH: '/b' }, fs, 'linux'), '/host/dotnet');
    assert.equal(findDotnet({ DOTNET_ROOT: '/dnroot', PATH: '/b' }, fs, 'linux'), '/dnroot/dotnet');
  });

  it('looks for dotnet.exe on Windows', () => {
    const fs = fakeFs([path.join('C:\\dn', 'dotnet.exe')]);
    assert.equal(findDotnet({ Path: 'C:\\x;C:\\dn' }, fs, 'win32'), path.join('C:\\dn', 'dotnet.exe'));
  });

  it('gives undefined without dotnet, and no command for a .dll then', () => {
    assert.equal(findDotnet({ PATH: '/a:/b' }, fakeFs([]), 'linux'), undefined);
    assert.equal(serverCommand({ source: 'bundled', path: bundled, needsDotnet: true }, undefined), undefined);
    assert.match(DOTNET_MISSING, /\.NET 10.*dotnet --info.*Restart Server/s);
  });

  it('runs a .dll as `dotnet <dll> lsp`', () => {
    assert.deepEqual(serverCommand({ source: 'bundled', path: bundled, needsDotnet: true }, '/usr/bin/dotnet'), { command: '/usr/bin/dotnet', args: [bundled, 'lsp'] });
  });
});
